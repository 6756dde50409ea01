using System.Text.Json;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// Reads the <c>Endpoints</c> array of the web SDK's endpoints file into every route with whether all its endpoints are
/// immutable (see <see cref="EndpointReader"/>): one endpoint without the directive means the URL may change.
/// </summary>
/// <remarks>
/// A large array is read in parts, one a core. A part starts where an endpoint starts, found by the bytes
/// <c>{"Route"</c>: valid JSON cannot hold them inside a string, since their quote would end it. The parts count only
/// when each ends with a whole endpoint and only a comma lies between it and the next; otherwise the array is read again
/// in one piece, which also reports any error.
/// </remarks>
internal static class EndpointsArray
{
    /// <summary>The fewest bytes of endpoints worth a core of their own.</summary>
    public const int DefaultMinimumPartLength = 1 << 20;

    /// <summary>The reader options: the SDK writes plain JSON; comments are skipped.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the array whose start <paramref name="reader"/> stands on, and leaves it on the array's end.</summary>
    /// <param name="json">The bytes <paramref name="reader"/> reads, from its first; after a read in parts, both start at the array's end.</param>
    /// <param name="reader">The document's reader.</param>
    /// <param name="minimumPartLength">The fewest bytes of endpoints worth a core of their own.</param>
    public static Dictionary<string, bool> Read(ref ReadOnlyMemory<byte> json, ref Utf8JsonReader reader, int minimumPartLength)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "'Endpoints' is not an array");
        return ReadInParts(ref json, ref reader, minimumPartLength) ?? ReadInOnePiece(ref reader);
    }

    /// <summary>Throws the <see cref="JsonException"/> that says what is wrong with the document, unless <paramref name="condition"/> holds.</summary>
    public static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new JsonException(problem);
        }
    }

    private static Dictionary<string, bool> ReadInOnePiece(ref Utf8JsonReader reader)
    {
        var immutableByRoute = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(EndpointReader.Read(ref reader, immutableByRoute), "an endpoint is cut short");
        }

        return immutableByRoute;
    }

    /// <summary>
    /// The array read in parts, one a core, leaving <paramref name="reader"/> on the array's end; null when the array
    /// is too small to share, or when its parts do not meet at endpoint boundaries.
    /// </summary>
    private static Dictionary<string, bool>? ReadInParts(ref ReadOnlyMemory<byte> json, ref Utf8JsonReader reader, int minimumPartLength)
    {
        var bytes = json;
        var starts = PartStarts(bytes.Span, (int)reader.BytesConsumed, minimumPartLength);
        if (starts.Count < 2)
        {
            return null;
        }

        // Every part starts as the array did; after the first, the reader does not know where it is in the document.
        var arrayStart = reader.CurrentState;
        var parts = new Part?[starts.Count];
        Parallel.For(0, starts.Count, index =>
        {
            var isLast = index == starts.Count - 1;
            var end = isLast ? bytes.Length : starts[index + 1];
            parts[index] = Part.Read(bytes.Span.Slice(starts[index], end - starts[index]), isLast, arrayStart);
        });

        for (var index = 0; index < parts.Length; index++)
        {
            var isLast = index == parts.Length - 1;
            if (parts[index] is not { } part || part.EndsArray != isLast
                || (!isLast && !IsOneComma(bytes.Span.Slice(starts[index] + part.End, starts[index + 1] - starts[index] - part.End))))
            {
                return null;
            }
        }

        // The document reads on from the array's end as if the endpoints had been read one by one.
        json = bytes.Slice(starts[starts.Count - 1] + parts[parts.Length - 1]!.End);
        reader = new Utf8JsonReader(json.Span, isFinalBlock: true, arrayStart);
        reader.Read();

        var immutableByRoute = parts[0]!.ImmutableByRoute;
        foreach (var pair in parts.Skip(1).SelectMany(part => part!.ImmutableByRoute))
        {
            EndpointReader.Record(immutableByRoute, pair.Key, pair.Value);
        }

        return immutableByRoute;
    }

    /// <summary>Where each part starts: the array's first byte, then the first endpoint after every further share of the bytes.</summary>
    private static List<int> PartStarts(ReadOnlySpan<byte> json, int arrayContent, int minimumPartLength)
    {
        var starts = new List<int> { arrayContent };
        var length = json.Length - arrayContent;
        var parts = Math.Min(Environment.ProcessorCount, length / minimumPartLength);
        for (var index = 1; index < parts; index++)
        {
            var start = NextEndpointStart(json, arrayContent + (int)((long)length * index / parts));
            if (start > starts[starts.Count - 1])
            {
                starts.Add(start);
            }
        }

        return starts;
    }

    /// <summary>The first <c>{</c> at or after <paramref name="from"/> that opens an object whose first name is <c>Route</c>; -1 when there is none.</summary>
    private static int NextEndpointStart(ReadOnlySpan<byte> json, int from)
    {
        while (from < json.Length && json.Slice(from).IndexOf("\"Route\""u8) is var found and >= 0)
        {
            var brace = from + found - 1;
            while (brace >= 0 && IsWhitespace(json[brace]))
            {
                brace--;
            }

            if (brace >= 0 && json[brace] == (byte)'{')
            {
                return brace;
            }

            from += found + 1;
        }

        return -1;
    }

    private static bool IsOneComma(ReadOnlySpan<byte> between)
    {
        var comma = between.IndexOf((byte)',');
        return comma >= 0 && IsAllWhitespace(between.Slice(0, comma)) && IsAllWhitespace(between.Slice(comma + 1));
    }

    private static bool IsAllWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!IsWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>A share of the endpoints, read on its own.</summary>
    private sealed class Part
    {
        private Part(Dictionary<string, bool> immutableByRoute, int end, bool endsArray)
        {
            ImmutableByRoute = immutableByRoute;
            End = end;
            EndsArray = endsArray;
        }

        public Dictionary<string, bool> ImmutableByRoute { get; }

        /// <summary>Where, in the part, its last endpoint ends, or the array's end when <see cref="EndsArray"/>.</summary>
        public int End { get; }

        public bool EndsArray { get; }

        /// <summary>The part's endpoints; null when it cannot be read as whole endpoints of the array.</summary>
        public static Part? Read(ReadOnlySpan<byte> part, bool isLast, JsonReaderState arrayStart)
        {
            var reader = new Utf8JsonReader(part, isFinalBlock: isLast, arrayStart);
            var immutableByRoute = new Dictionary<string, bool>(StringComparer.Ordinal);
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return new Part(immutableByRoute, (int)reader.TokenStartIndex, endsArray: true);
                    }

                    if (!EndpointReader.Read(ref reader, immutableByRoute))
                    {
                        return null;
                    }
                }

                return new Part(immutableByRoute, (int)reader.BytesConsumed, endsArray: false);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException)
            {
                // Read in one piece, the array gives the answer or the error; a part may have started inside an
                // endpoint, where strings the one-piece read skips are decoded.
                return null;
            }
        }
    }
}
