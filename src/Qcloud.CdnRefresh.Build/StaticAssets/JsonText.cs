using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>The text of one JSON token: whether a number is written as JSON writes numbers; a string checked and decoded.</summary>
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

    /// <summary>Checks a string's text without escapes, which starts at byte <paramref name="offset"/> of the document: no control character, valid UTF-8.</summary>
    /// <exception cref="InvalidDataException">It holds a control character, or is not valid UTF-8.</exception>
    [MethodImpl(JsonTokenizer.Optimized)]
    public static void Check(byte[] buffer, int start, int length, long offset)
    {
        foreach (var character in buffer.AsSpan(start, length))
        {
            if (character < 0x20)
            {
                throw NotText(offset, "a string holds a control character", null);
            }
        }

        try
        {
            StrictUtf8.GetCharCount(buffer, start, length);
        }
        catch (DecoderFallbackException e)
        {
            throw NotText(offset, e.Message, e);
        }
    }

    /// <summary>A string's text without escapes, checked and decoded.</summary>
    /// <exception cref="InvalidDataException">It holds a control character, or is not valid UTF-8.</exception>
    public static string Decode(byte[] buffer, int start, int length, long offset)
    {
        Check(buffer, start, length, offset);
        return StrictUtf8.GetString(buffer, start, length);
    }

    /// <summary>A string with escapes, quotes included, decoded by the framework's reader.</summary>
    /// <exception cref="InvalidDataException">An escape is not valid or gives text that is not (a lone surrogate), or the string holds a control character.</exception>
    public static string Unescape(ReadOnlySpan<byte> quoted, long offset)
    {
        try
        {
            var reader = new Utf8JsonReader(quoted);
            reader.Read();
            return reader.GetString()!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw NotText(offset, e.Message, e);
        }
    }

    private static InvalidDataException NotText(long offset, string problem, Exception? inner) =>
        new($"it holds text that is not valid Unicode (byte {offset}): {problem}", inner);

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
