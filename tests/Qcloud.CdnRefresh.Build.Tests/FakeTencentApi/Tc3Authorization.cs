using System;
using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>The parts of a <c>TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
internal sealed record Tc3Authorization(
    string SecretId, string Date, string Service, string Terminator, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string CredentialScope => Date + "/" + Service + "/" + Terminator;

    public static Tc3Authorization? Parse(string? header)
    {
        const string prefix = Tc3Signature.Algorithm + " ";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in header.Substring(prefix.Length).Split(','))
        {
            int eq = part.IndexOf('=');
            if (eq > 0)
            {
                fields[part.Substring(0, eq).Trim()] = part.Substring(eq + 1).Trim();
            }
        }

        if (!fields.TryGetValue("Credential", out string? credential)
            || !fields.TryGetValue("SignedHeaders", out string? signedHeaders)
            || !fields.TryGetValue("Signature", out string? signature))
        {
            return null;
        }

        string[] scope = credential.Split('/');
        if (scope.Length != 4 || scope[0].Length == 0 || signedHeaders.Length == 0)
        {
            return null;
        }

        return new Tc3Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature);
    }
}
