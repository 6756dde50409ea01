namespace Qcloud.CdnRefresh.Build.Signing;

/// <summary>Lowercase hex, the form TC3 signing and the manifest's hashes use (net472 has no Convert.ToHexString).</summary>
internal static class Hex
{
    private const string Digits = "0123456789abcdef";

    public static string ToLower(byte[] bytes)
    {
#if !NETFRAMEWORK
        // Straight into the string: a hash per file, 50,000 times, is worth not copying through a char array.
        return string.Create(bytes.Length * 2, bytes, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[2 * i] = Digits[source[i] >> 4];
                chars[(2 * i) + 1] = Digits[source[i] & 0xF];
            }
        });
#else
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(chars);
#endif
    }

    /// <summary>Whether <paramref name="hex"/> is <paramref name="bytes"/> in lowercase hex, without building that string.</summary>
    public static bool EqualsLower(byte[] bytes, string? hex)
    {
        if (hex is null || hex.Length != bytes.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (hex[2 * i] != Digits[bytes[i] >> 4] || hex[(2 * i) + 1] != Digits[bytes[i] & 0xF])
            {
                return false;
            }
        }

        return true;
    }
}
