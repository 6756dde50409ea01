using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Credentials;

/// <summary>
/// Finds the key pair the way Tencent's SDKs do: the environment first, then the SDK's credentials file.
/// Only environment reads and one file read: never MSBuild properties, which end up in binary logs.
/// </summary>
/// <param name="environment">Reads an environment variable.</param>
/// <param name="homeDirectory">Where <c>.tencentcloud/credentials</c> is looked for; null or empty: nowhere.</param>
internal sealed class CredentialsReader(Func<string, string?> environment, string? homeDirectory)
{
    public const string SecretIdVariable = "TENCENTCLOUD_SECRET_ID";
    public const string SecretKeyVariable = "TENCENTCLOUD_SECRET_KEY";
    public const string TokenVariable = "TENCENTCLOUD_TOKEN";
    public const string SecurityTokenVariable = "TENCENTCLOUD_SECURITY_TOKEN";
    public const string CredentialsFileVariable = "TENCENTCLOUD_CREDENTIALS_FILE";

    public static CredentialsReader FromProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public TencentCredentials Read()
    {
        var token = Value(TokenVariable) ?? Value(SecurityTokenVariable);
        if (Value(SecretIdVariable) is { } secretId && Value(SecretKeyVariable) is { } secretKey)
        {
            return new TencentCredentials(secretId, secretKey, token);
        }

        var file = Value(CredentialsFileVariable)
            ?? (string.IsNullOrEmpty(homeDirectory) ? null : Path.Combine(homeDirectory, ".tencentcloud", "credentials"));
        return (file is not null && File.Exists(file) ? ReadFile(file, token) : null) ?? throw new CdnRefreshException(
            DiagnosticCodes.CredentialsMissing,
            $"No Tencent Cloud credentials found. Set the environment variables {SecretIdVariable} and {SecretKeyVariable} "
            + $"(and {TokenVariable} for a temporary key), or put secret_id and secret_key under [default] in "
            + $"{file ?? "~/.tencentcloud/credentials"}. Credentials are never read from MSBuild properties.");
    }

    private static TencentCredentials? ReadFile(string path, string? token)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CdnRefreshException(DiagnosticCodes.CredentialsMissing, $"The credentials file '{path}' cannot be read: {e.Message}");
        }

        var section = DefaultSection(lines);
        section.TryGetValue("secret_id", out var secretId);
        section.TryGetValue("secret_key", out var secretKey);
        section.TryGetValue("token", out var fileToken);
        return string.IsNullOrEmpty(secretId) || string.IsNullOrEmpty(secretKey)
            ? null
            : new TencentCredentials(secretId!, secretKey!, token ?? fileToken);
    }

    /// <summary>The <c>key = value</c> lines of the INI file's <c>[default]</c> section; lines starting with <c>#</c> or <c>;</c> are comments.</summary>
    private static Dictionary<string, string> DefaultSection(string[] lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inSection = false;
        foreach (var line in lines.Select(raw => raw.Trim()).Where(line => line.Length > 0 && line[0] != '#' && line[0] != ';'))
        {
            var equals = line.IndexOf('=');
            if (line[0] == '[' && line[line.Length - 1] == ']')
            {
                inSection = string.Equals(line.Substring(1, line.Length - 2).Trim(), "default", StringComparison.OrdinalIgnoreCase);
            }
            else if (inSection && equals > 0)
            {
                values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
            }
        }

        return values;
    }

    private string? Value(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
