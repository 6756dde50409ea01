using System.Runtime.CompilerServices;
using System.Text;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// The tokens of a JSON document, read from a stream through one small buffer, so that a file of tens of megabytes is
/// never held whole; <see cref="JsonStructure"/> reads objects and arrays from them. The text of a string (escapes,
/// control characters, UTF-8) is checked when it is decoded or its bytes are used: no other string changes what is read.
/// </summary>
/// <remarks>
/// A build reads the endpoints file once, in a process whose runtime would run freshly compiled code unoptimized for
/// the first tenths of a second, longer than the read takes; so the methods that run for every token, header or
/// endpoint are compiled optimized at their first call. <see cref="System.Text.Json.Utf8JsonReader"/>'s own code
/// cannot be, so it only decodes strings with escapes.
/// </remarks>
internal sealed class JsonTokenizer(Stream stream)
{
    /// <summary>Compiles a method optimized at its first call, as .NET Framework compiles every method.</summary>
#if NET
    public const MethodImplOptions Optimized = MethodImplOptions.AggressiveOptimization;
#else
    public const MethodImplOptions Optimized = 0;
#endif

    /// <summary>The longest token (with the whitespace before a property name's colon) the buffer grows to hold.</summary>
    private const int MaxTokenLength = 64 * 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _position;
    private int _end;
    private long _discarded;
    private bool _streamEnded;
    private int _valueStart;
    private int _valueLength;

    /// <summary>The value token read last.</summary>
    public JsonToken Token { get; private set; }

    /// <summary>Whether the string read last holds an escape.</summary>
    public bool ValueIsEscaped { get; private set; }

    /// <summary>The raw text of the string (without its quotes) or number read last.</summary>
    public ReadOnlySpan<byte> ValueSpan => _buffer.AsSpan(_valueStart, _valueLength);

    /// <summary>Steps over a UTF-8 byte order mark at the document's start.</summary>
    public void SkipByteOrderMark()
    {
        while (_end < 3 && Refill(0))
        {
        }

        _position = _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF ? 3 : 0;
    }

    /// <summary>Reads the first token of the next value; <see cref="JsonToken.End"/> when the document has ended.</summary>
    [MethodImpl(Optimized)]
    public JsonToken Read()
    {
        var next = Peek(keepValue: false);
        switch (next)
        {
            case '"': return Token = ReadString();
            case '{': _position++; return Token = JsonToken.StartObject;
            case '[': _position++; return Token = JsonToken.StartArray;
            case 't': return Token = ReadLiteral("true"u8, JsonToken.True);
            case 'f': return Token = ReadLiteral("false"u8, JsonToken.False);
            case 'n': return Token = ReadLiteral("null"u8, JsonToken.Null);
            case '-' or >= '0' and <= '9': return Token = ReadNumber();
            case < 0: return Token = JsonToken.End;
            default: throw Unexpected(next);
        }
    }

    /// <summary>Whether the string read last is <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ValueTextEquals(ReadOnlySpan<byte> text) => GetComparableText().SequenceEqual(text);

    /// <summary>
    /// The UTF-8 text of the string read last, for comparing with a known name: its raw bytes, which only a text that is
    /// valid can equal, or, when it holds escapes, its decoded and checked text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetComparableText() => ValueIsEscaped ? GetUtf8Text() : ValueSpan;

    /// <summary>The string read last, decoded.</summary>
    /// <exception cref="InvalidDataException">Its text has a bad escape or a control character, or is not valid Unicode.</exception>
    public string GetString() => ValueIsEscaped
        ? JsonText.Unescape(_buffer.AsSpan(_valueStart - 1, _valueLength + 2), _discarded + _valueStart)
        : JsonText.Decode(_buffer, _valueStart, _valueLength, _discarded + _valueStart);

    /// <summary>The UTF-8 text of the string read last, without escapes, checked as <see cref="GetString"/> checks it.</summary>
    /// <exception cref="InvalidDataException">Its text has a bad escape or a control character, or is not valid Unicode.</exception>
    public ReadOnlySpan<byte> GetUtf8Text()
    {
        if (ValueIsEscaped)
        {
            return Encoding.UTF8.GetBytes(GetString());
        }

        JsonText.Check(_buffer, _valueStart, _valueLength, _discarded + _valueStart);
        return ValueSpan;
    }

    /// <summary>Throws the error that says what is wrong with the document and where, unless <paramref name="condition"/> holds.</summary>
    public void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw Error(problem);
        }
    }

    /// <summary>The error that says what is wrong with the document and where.</summary>
    public InvalidDataException Error(string problem) =>
        new($"it is not JSON of the expected shape: {problem} (byte {_discarded + _position})");

    /// <summary>
    /// The next byte that is not whitespace, not read yet; -1 when the stream has ended first. With
    /// <paramref name="keepValue"/>, the string read last stays readable (a property name until its colon is read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Peek(bool keepValue) =>
        _position < _end && _buffer[_position] > (byte)' ' ? _buffer[_position] : PeekPastWhitespace(keepValue);

    /// <summary>Reads the byte <see cref="Peek"/> gave: a colon, a comma, or the end of an object or array.</summary>
    public void Advance() => _position++;

    [MethodImpl(Optimized)]
    private int PeekPastWhitespace(bool keepValue)
    {
        do
        {
            for (; _position < _end; _position++)
            {
                if (_buffer[_position] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                {
                    return _buffer[_position];
                }
            }
        }
        while (Refill(keepValue ? _valueStart - 1 : _position));

        return -1;
    }

    [MethodImpl(Optimized)]
    private JsonToken ReadString()
    {
        var searched = 1;
        var escaped = false;
        while (true)
        {
            var rest = _buffer.AsSpan(_position + searched, _end - _position - searched);
            var stop = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (stop >= 0 && rest[stop] == (byte)'"')
            {
                _valueStart = _position + 1;
                _valueLength = searched + stop - 1;
                ValueIsEscaped = escaped;
                _position += searched + stop + 1;
                return JsonToken.String;
            }

            if (stop >= 0 && stop + 1 < rest.Length)
            {
                // A backslash and the byte it escapes; the escape is checked when the string is decoded.
                escaped = true;
                searched += stop + 2;
                continue;
            }

            searched += stop < 0 ? rest.Length : stop;
            Expect(Refill(_position), "a string does not end");
        }
    }

    /// <summary>The error for a byte no token starts with; out of <see cref="Read"/>, whose first compiling it would slow.</summary>
    private InvalidDataException Unexpected(int next) =>
        Error(next is > ' ' and < 0x7F ? $"unexpected '{(char)next}'" : $"unexpected byte 0x{next:X2}");

    private JsonToken ReadNumber()
    {
        var length = 0;
        do
        {
            while (_position + length < _end && _buffer[_position + length] is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E' or >= (byte)'0' and <= (byte)'9')
            {
                length++;
            }
        }
        while (_position + length == _end && Refill(_position));

        Expect(JsonText.IsNumber(_buffer.AsSpan(_position, length)), "a number is not written as JSON writes numbers");
        _valueStart = _position;
        _valueLength = length;
        _position += length;
        return JsonToken.Number;
    }

    private JsonToken ReadLiteral(ReadOnlySpan<byte> literal, JsonToken token)
    {
        while (_end - _position < literal.Length && Refill(_position))
        {
        }

        if (!_buffer.AsSpan(_position, Math.Min(literal.Length, _end - _position)).SequenceEqual(literal))
        {
            throw Error($"expected '{Encoding.ASCII.GetString(literal.ToArray())}'");
        }

        _position += literal.Length;
        return token;
    }

    /// <summary>
    /// Moves the bytes from <paramref name="keepFrom"/> on to the buffer's front and reads more of the stream after
    /// them: false when the stream has ended. The buffer doubles when the kept bytes fill it (a string that long), up
    /// to <see cref="MaxTokenLength"/>.
    /// </summary>
    private bool Refill(int keepFrom)
    {
        if (_streamEnded)
        {
            return false;
        }

        var kept = _end - keepFrom;
        if (kept == _buffer.Length)
        {
            Expect(kept < MaxTokenLength, $"a token is longer than {MaxTokenLength / (1024 * 1024)} MB");
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
        _discarded += keepFrom;
        _position -= keepFrom;
        _valueStart -= keepFrom;
        _end = kept;
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _streamEnded = read == 0;
        return read > 0;
    }
}
