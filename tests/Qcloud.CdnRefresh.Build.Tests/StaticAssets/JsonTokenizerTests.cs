using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Qcloud.CdnRefresh.Build.StaticAssets;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.StaticAssets;

/// <summary>
/// The JSON grammar the endpoints file is read with: what <see cref="JsonTokenizer"/> and <see cref="JsonStructure"/>
/// accept, refuse and decode, whether the stream gives the document whole or a byte at a time.
/// </summary>
public sealed class JsonTokenizerTests
{
    private static JsonTokenizer Tokenizer(byte[] document, bool oneByteAtATime) =>
        new(oneByteAtATime ? new OneByteAtATimeStream(document) : new MemoryStream(document));

    private static void ReadWhole(string document, bool oneByteAtATime = false)
    {
        var json = Tokenizer(Encoding.UTF8.GetBytes(document), oneByteAtATime);
        json.Read();
        json.Skip();
        json.ReadEnd();
    }

    /// <summary>A tokenizer that has read an object's start and its first property's name.</summary>
    private static JsonTokenizer AtFirstPropertyName(byte[] document, bool oneByteAtATime = false)
    {
        var json = Tokenizer(document, oneByteAtATime);
        json.Read();
        var first = true;
        json.NextProperty(ref first);
        return json;
    }

    /// <summary>The first property's value of an object, decoded.</summary>
    private static string StringValueOf(string document)
    {
        var json = AtFirstPropertyName(Encoding.UTF8.GetBytes(document));
        json.Read();
        return json.GetString();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData(" \t\r\n{ \"a\" : [ 1 , -2.5e+3 , 0 , 0.125 , 1E-2 , true , false , null ] , \"b\" : { } } \n")]
    [InlineData("""{"a":"x\"y\\","b\u0022":[{"c":[[]]}],"":""}""")]
    [InlineData("\"text\"")]
    [InlineData("-0")]
    public void AValidDocument_IsReadWhole_HoweverTheStreamGivesIt(string document)
    {
        ReadWhole(document);
        ReadWhole(document, oneByteAtATime: true);
    }

    [Fact]
    public void RandomValidDocuments_AreReadWhole_HoweverTheStreamGivesThem()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 300; i++)
        {
            var document = RandomValue(random, depth: 0);
            using (JsonDocument.Parse(document))
            {
                // The framework's parser vouches for the generated document.
            }

            ReadWhole(document);
            ReadWhole(document, oneByteAtATime: true);
        }
    }

    [Fact]
    public void EveryCutOfTheSdksFile_IsInvalidData()
    {
        var whole = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StaticAssets/blazorwasm.staticwebassets.endpoints.json")).TrimEnd();

        for (var length = 0; length < whole.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => EndpointsFileReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(whole.Substring(0, length)))));
        }
    }

    [Theory]
    [InlineData("""{"a":1,}""")]
    [InlineData("[1,]")]
    [InlineData("[,1]")]
    [InlineData("{,}")]
    [InlineData("""{"a" 1}""")]
    [InlineData("""{"a":1 "b":2}""")]
    [InlineData("[1 2]")]
    [InlineData("{1:2}")]
    [InlineData("[}")]
    [InlineData("{]")]
    [InlineData("[1]]")]
    [InlineData("[1] x")]
    [InlineData("[tru]")]
    [InlineData("[nul]")]
    [InlineData("[True]")]
    [InlineData("[01]")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[-]")]
    [InlineData("[+1]")]
    [InlineData("[1e]")]
    [InlineData("['a']")]
    [InlineData("""["abc""")]
    [InlineData("""{"a":1""")]
    [InlineData("")]
    [InlineData("[1] // comment")]
    public void AnInvalidDocument_IsInvalidData(string document)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadWhole(document));

        Assert.StartsWith("it is not JSON of the expected shape: ", error.Message);
    }

    private static string RandomValue(Random random, int depth)
    {
        string Space() => new[] { string.Empty, string.Empty, " ", "\n", "\t", "\r\n  " }[random.Next(6)];
        var members = Enumerable.Range(0, random.Next(4));
        switch (depth < 5 ? random.Next(5) : 2 + random.Next(3))
        {
            case 0:
                return "{" + Space() + string.Join(",", members.Select(_ => Space() + RandomString(random) + Space() + ":" + Space() + RandomValue(random, depth + 1) + Space())) + "}";
            case 1:
                return "[" + Space() + string.Join(",", members.Select(_ => Space() + RandomValue(random, depth + 1) + Space())) + "]";
            case 2:
                return RandomString(random);
            case 3:
                return new[] { "0", "-0", "7", "-12", "3.25", "0.5e10", "-1E-7", "2e+3", "12345678901234567890" }[random.Next(9)];
            default:
                return new[] { "true", "false", "null" }[random.Next(3)];
        }
    }

    private static string RandomString(Random random)
    {
        var pieces = new[] { "a", "Route", " ", "é", "\U0001F600", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "\\/", "{", "]", ":", "," };
        return "\"" + string.Concat(Enumerable.Range(0, random.Next(6)).Select(_ => pieces[random.Next(pieces.Length)])) + "\"";
    }

    [Fact]
    public void AnError_NamesTheByteWhereItIs()
    {
        var document = """{"a":[true,false,nul]}""";

        var error = Assert.Throws<InvalidDataException>(() => ReadWhole(document, oneByteAtATime: true));

        Assert.EndsWith("expected 'null' (byte 17)", error.Message);
    }

    [Fact]
    public void SixtyFourNestedValues_AreRead()
    {
        ReadWhole(new string('[', 64) + new string(']', 64));
    }

    [Fact]
    public void SixtyFiveNestedValues_AreInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadWhole(new string('[', 65) + new string(']', 65)));

        Assert.Contains("values nest deeper than 64 levels", error.Message);
    }

    [Fact]
    public void ValuesNestedAHundredThousandDeep_AreInvalidData_NotAStackOverflow()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadWhole(new string('[', 100_000) + new string(']', 100_000)));

        Assert.Contains("values nest deeper than 64 levels", error.Message);
    }

    [Fact]
    public void AStringLongerThanTheBuffer_IsReadWhole()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789abcdef", 20_000));

        Assert.Equal(text, StringValueOf("{\"a\":\"" + text + "\"}"));
    }

    [Fact]
    public void AStringLongerThanSixtyFourMegabytes_IsInvalidData()
    {
        var json = new JsonTokenizer(new EndlessStream(Encoding.UTF8.GetBytes("{\"a\":\""), (byte)'x'));
        json.Read();
        var first = true;
        json.NextProperty(ref first);

        var error = Assert.Throws<InvalidDataException>(() => json.Read());

        Assert.Contains("a token is longer than 64 MB", error.Message);
    }

    [Fact]
    public void AString_IsDecodedWithItsEscapes()
    {
        Assert.Equal("é/\"\\\n\U0001F600", StringValueOf("""{"a":"\u00e9\/\"\\\n\ud83d\ude00"}"""));
    }

    [Theory]
    [InlineData("""{"a":"\x"}""")]
    [InlineData("""{"a":"\u12"}""")]
    [InlineData("""{"a":"\ud800"}""")]
    [InlineData("{\"a\":\"tab\there\"}")]
    public void ABadString_IsInvalidData_WhenItIsDecoded(string document)
    {
        ReadWhole(document);

        var error = Assert.Throws<InvalidDataException>(() => StringValueOf(document));

        Assert.StartsWith("it holds text that is not valid Unicode (byte 6): ", error.Message);
    }

    [Fact]
    public void AStringThatIsNotUtf8_IsInvalidData_WhenItIsDecoded()
    {
        var document = Encoding.UTF8.GetBytes("""{"a":"xx"}""");
        document[6] = 0xC3;
        var json = AtFirstPropertyName(document);
        json.Read();

        Assert.Throws<InvalidDataException>(() => json.GetString());
    }

    [Fact]
    public void APropertyName_WithEscapes_EqualsItsText()
    {
        var json = AtFirstPropertyName(Encoding.UTF8.GetBytes("""{"R\u006fute":1}"""));

        Assert.True(json.ValueTextEquals("Route"u8));
    }

    [Fact]
    public void APropertyName_StaysReadable_UntilItsColonIsRead()
    {
        var json = AtFirstPropertyName(Encoding.UTF8.GetBytes("{\"Route\"   \n  :  1}"), oneByteAtATime: true);

        Assert.True(json.ValueTextEquals("Route"u8));
    }

    [Fact]
    public void AByteOrderMark_IsSteppedOver()
    {
        var json = Tokenizer(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'[', (byte)']' }, oneByteAtATime: true);
        json.SkipByteOrderMark();

        Assert.Equal(JsonToken.StartArray, json.Read());
    }
}
