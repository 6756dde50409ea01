using System.Runtime.CompilerServices;

namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>
/// Objects and arrays over the tokens of a <see cref="JsonTokenizer"/>: the separators between their members, and
/// values skipped whole with their grammar checked.
/// </summary>
internal static class JsonStructure
{
    private const int MaxDepth = 64;

    /// <summary>Made once: an interpolated message in <see cref="Skip"/> would slow its first compiling.</summary>
    private static readonly string TooDeep = $"values nest deeper than {MaxDepth} levels";

    /// <summary>
    /// From an object's start or one of its values, reads on to the next property: true with its name as the string
    /// read last and its colon read, so that <see cref="JsonTokenizer.Read"/> gives its value; false at the object's end.
    /// </summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    public static bool NextProperty(this JsonTokenizer json, ref bool first)
    {
        if (!json.NextMember(ref first, '}'))
        {
            return false;
        }

        json.Expect(json.Token == JsonToken.String, "expected a property name");
        json.Expect(json.Peek(keepValue: true) == ':', "expected ':' after a property name");
        json.Advance();
        return true;
    }

    /// <summary>From an array's start or one of its elements, reads the next element's first token: true, or false at the array's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextElement(this JsonTokenizer json, ref bool first) => json.NextMember(ref first, ']');

    /// <summary>Reads over the value whose first token was read last, checking its grammar.</summary>
    [MethodImpl(JsonTokenizer.Optimized)]
    public static void Skip(this JsonTokenizer json, int depth = 0)
    {
        if (json.Token is not (JsonToken.StartObject or JsonToken.StartArray))
        {
            json.Expect(json.Token is JsonToken.String or JsonToken.Number or JsonToken.True or JsonToken.False or JsonToken.Null, "expected a value");
            return;
        }

        if (depth == MaxDepth)
        {
            throw json.Error(TooDeep);
        }

        var first = true;
        var isObject = json.Token == JsonToken.StartObject;
        while (isObject ? json.NextProperty(ref first) : json.NextElement(ref first))
        {
            if (isObject)
            {
                json.Read();
            }

            json.Skip(depth + 1);
        }
    }

    /// <summary>Checks that nothing but whitespace follows the document.</summary>
    public static void ReadEnd(this JsonTokenizer json) => json.Expect(json.Peek(keepValue: false) < 0, "the document goes on after its end");

    [MethodImpl(JsonTokenizer.Optimized)]
    private static bool NextMember(this JsonTokenizer json, ref bool first, char end)
    {
        var next = json.Peek(keepValue: false);
        if (next == end)
        {
            json.Advance();
            return false;
        }

        if (!first)
        {
            json.Expect(next == ',', end == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
            json.Advance();
        }

        first = false;
        json.Read();
        return true;
    }
}
