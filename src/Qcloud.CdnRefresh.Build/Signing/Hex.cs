using System.Text;

namespace Qcloud.CdnRefresh.Build.Signing;

/// <summary>Lowercase hex, the form TC3 signing and our manifest use (net472 has no Convert.ToHexString).</summary>
internal static class Hex
{
    public static string ToLower(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append("0123456789abcdef"[b >> 4]).Append("0123456789abcdef"[b & 0xF]);
        }

        return builder.ToString();
    }
}
