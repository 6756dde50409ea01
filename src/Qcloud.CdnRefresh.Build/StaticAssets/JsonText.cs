using System.Text;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>The text of one JSON token: whether a number is written as JSON writes numbers, and a string decoded.</summary>
internal static class JsonText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="text"/> is a JSON number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsNumber(ReadOnlySpan<byte> text)
    {
        var index = text.Length > 0 && text[0] == (byte)'-' ? 1 : 0;
        var valid = index < text.Length && text[index] == (byte)'0' ? ++index > 0 : Digits(text, ref index);
        if (valid && index < text.Length && text[index] == (byte)'.')
        {
            index++;
            valid = Digits(text, ref index);
        }

        if (valid && index < text.Length && text[index] is (byte)'e' or (byte)'E')
        {
            index += index + 1 < text.Length && text[index + 1] is (byte)'+' or (byte)'-' ? 2 : 1;
            valid = Digits(text, ref index);
        }

        return valid && index == text.Length;
    }

    /// <summary>Checks a string's text without escapes: no control character, valid UTF-8.</summary>
    /// <exception cref="JsonException">It holds a control character.</exception>
    /// <exception cref="DecoderFallbackException">It is not valid UTF-8.</exception>
    public static void Check(byte[] buffer, int start, int length)
    {
        foreach (var character in buffer.AsSpan(start, length))
        {
            if (character < 0x20)
            {
                throw new JsonException("a string holds a control character");
            }
        }

        StrictUtf8.GetCharCount(buffer, start, length);
    }

    /// <summary>A string's text without escapes, checked and decoded.</summary>
    /// <exception cref="JsonException">It holds a control character.</exception>
    /// <exception cref="DecoderFallbackException">It is not valid UTF-8.</exception>
    public static string Decode(byte[] buffer, int start, int length)
    {
        Check(buffer, start, length);
        return StrictUtf8.GetString(buffer, start, length);
    }

    /// <summary>A string with escapes, quotes included, decoded by the framework's reader.</summary>
    /// <exception cref="JsonException">An escape is not valid, or the string holds a control character.</exception>
    /// <exception cref="InvalidOperationException">An escape gives text that is not valid Unicode (a lone surrogate).</exception>
    public static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    private static bool Digits(ReadOnlySpan<byte> text, ref int index)
    {
        var start = index;
        while (index < text.Length && text[index] is >= (byte)'0' and <= (byte)'9')
        {
            index++;
        }

        return index > start;
    }
}
