namespace Qcloud.CdnRefresh.Build.Text;

/// <summary>Lowercase hex, the form TC3 signing and the manifest's hashes use (net472 has no Convert.ToHexString).</summary>
internal static class Hex
{
    private const string Digits = "0123456789abcdef";

    public static string ToLower(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
