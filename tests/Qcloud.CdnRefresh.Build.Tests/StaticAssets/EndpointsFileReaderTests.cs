using System;
using System.IO;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.StaticAssets;
using Qcloud.CdnRefresh.Build.Tests.Refresh;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.StaticAssets;

/// <summary>
/// Which routes of the web SDK's endpoints file are immutable. The fixture is a trimmed copy of what
/// <c>dotnet new blazorwasm</c> + <c>dotnet publish</c> (SDK 10.0) wrote: every endpoint of six routes, unchanged.
/// </summary>
public sealed class EndpointsFileReaderTests : IDisposable
{
    private const string Fixture = "StaticAssets/blazorwasm.staticwebassets.endpoints.json";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static System.Collections.Generic.ISet<string> Parse(string json) => EndpointsFileReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Endpoint(string route, string cacheControl) =>
        $$"""{"Route":"{{route}}","Selectors":[],"ResponseHeaders":[{"Name":"Cache-Control","Value":"{{cacheControl}}"},{"Name":"Content-Type","Value":"text/css"}]}""";

    private static string Document(params string[] endpoints) =>
        """{"Version":1,"ManifestType":"Publish","Endpoints":[""" + string.Join(",", endpoints) + "]}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSdksFile_GivesTheFingerprintedRoutes_AndNotThePlainOnes_HoweverTheStreamGivesIt(bool oneByteAtATime)
    {
        var content = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, Fixture));

        var routes = EndpointsFileReader.Parse(oneByteAtATime ? new OneByteAtATimeStream(content) : new MemoryStream(content));

        Assert.Equal(
            new[] { "_framework/System.Text.Json.g5ckbjbcz0.wasm", "_framework/System.Text.Json.g5ckbjbcz0.wasm.br", "css/app.nk9bgqz024.css" },
            routes.OrderBy(route => route, StringComparer.Ordinal));
    }

    [Fact]
    public void ARoute_WithOneEndpointThatIsNotImmutable_IsNotImmutable()
    {
        var routes = Parse(Document(Endpoint("app.css", "max-age=31536000, immutable"), Endpoint("app.css", "no-cache"), Endpoint("a.css", "immutable")));

        Assert.Equal(new[] { "a.css" }, routes);
    }

    [Theory]
    [InlineData("public, IMMUTABLE", true)]
    [InlineData("immutable,max-age=31536000", true)]
    [InlineData("max-age=31536000", false)]
    [InlineData("no-cache, x-immutable", false)]
    public void TheDirective_IsOneOfTheCommaSeparatedOnes_InAnyCase(string cacheControl, bool immutable)
    {
        var routes = Parse(Document(Endpoint("a.css", cacheControl)));

        Assert.Equal(immutable, routes.Contains("a.css"));
    }

    [Fact]
    public void AnEndpointWithoutCacheControl_IsNotImmutable()
    {
        var routes = Parse(Document("""{"Route":"a.css","ResponseHeaders":[{"Name":"Content-Type","Value":"immutable"}]}""", """{"Route":"b.css"}"""));

        Assert.Empty(routes);
    }

    [Fact]
    public void TheHeaderName_IsCacheControlInAnyCase_AndTheOtherHeadersDoNotCount()
    {
        var routes = Parse(Document(
            """{"Route":"a.css","ResponseHeaders":[{"Value":"immutable","Name":"cache-control"}]}""",
            """{"Route":"b.css","ResponseHeaders":[{"Name":"X-Cache-Control","Value":"immutable"},{"Name":"Cache-Control","Value":"no-cache"}]}""",
            """{"Route":"c.css","ResponseHeaders":null}"""));

        Assert.Equal(new[] { "a.css" }, routes);
    }

    [Fact]
    public void AHeaderNameAndValue_WithEscapes_AreReadAsTheirText()
    {
        var routes = Parse(Document("""{"Route":"a.css","ResponseHeaders":[{"Name":"Cache\u002DControl","Value":"max-age=1, \u0069mmutable"}]}"""));

        Assert.Equal(new[] { "a.css" }, routes);
    }

    [Fact]
    public void ACacheControlValue_WithAControlCharacter_IsInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(Document(Endpoint("a.css", "immutable\t"))));

        Assert.Contains("a string holds a control character", error.Message);
    }

    [Fact]
    public void ADocumentLargerThanTheBuffer_GivesEveryRoute()
    {
        var endpoints = Enumerable.Range(0, 2_000).Select(i => Endpoint($"css/{i}.css", "max-age=31536000, immutable")).ToArray();

        var routes = Parse(Document(endpoints));

        Assert.Equal(2_000, routes.Count);
        Assert.Contains("css/1999.css", routes);
    }

    [Fact]
    public void AByteOrderMark_IsAllowed()
    {
        var routes = EndpointsFileReader.Parse(new MemoryStream(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Document(Endpoint("a.css", "immutable")))).ToArray()));

        Assert.Equal(new[] { "a.css" }, routes);
    }

    [Fact]
    public void Routes_CompareCaseSensitively()
    {
        var routes = Parse(Document(Endpoint("App.css", "immutable")));

        Assert.Contains("App.css", routes);
        Assert.False(routes.Contains("app.css"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"Version":2,"Endpoints":[]}""")]
    [InlineData("""{"Endpoints":[]}""")]
    [InlineData("""{"Version":1}""")]
    [InlineData("""{"Version":1,"Endpoints":{}}""")]
    [InlineData("""{"Version":1,"Endpoints":[{"ResponseHeaders":[]}]}""")]
    [InlineData("""{"Version":1,"Endpoints":[null]}""")]
    [InlineData("""{"Version":1,"Endpoints":[{"Route":"a.css","ResponseHeaders":"immutable"}]}""")]
    [InlineData("""{"Version":1,"Endpoints":[{"Route":"\ud800"}]}""")]
    public void ADocumentThatIsNotTheSdks_IsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => Parse(json));
    }

    [Fact]
    public void FieldsAfterTheEndpoints_AreRead()
    {
        var json = """{"Endpoints":[""" + string.Join(",", Enumerable.Range(0, 20).Select(i => Endpoint($"{i}.css", "immutable"))) + """],"Version":2}""";

        var error = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains("'Version' is 2", error.Message);
    }

    [Fact]
    public void AComment_IsInvalidData_AsTheSdkNeverWritesOne()
    {
        var json = Document(Endpoint("a.css", "immutable"), "// " + Endpoint("b.css", "immutable"));

        var error = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains("unexpected '/'", error.Message);
    }

    [Fact]
    public void AnObjectInsideAnEndpoint_IsSkippedWithoutReadingItsText()
    {
        // Each endpoint holds an object with a 'Route' of its own whose text is not valid Unicode: skipped, never decoded.
        var endpoints = Enumerable.Range(0, 20).Select(i =>
            Endpoint($"{i}.css", "immutable").Replace("\"Selectors\"", "\"Extra\":{\"Route\":\"\\ud800\"},\"Selectors\""));

        var routes = Parse(Document(endpoints.ToArray()));

        Assert.Equal(20, routes.Count);
    }

    [Fact]
    public void EndpointsWrittenTwice_CountAsTheLast()
    {
        var first = Enumerable.Range(0, 20).Select(i => Endpoint($"{i}.css", "immutable"));
        var json = """{"Version":1,"Endpoints":[ """ + string.Join(",", first) + """],"Endpoints":[""" + Endpoint("b.css", "immutable") + "]}";

        var routes = Parse(json);

        Assert.Equal(new[] { "b.css" }, routes);
    }

    [Fact]
    public void AnErrorInALaterEndpoint_NamesItsByteInTheDocument()
    {
        var endpoints = Enumerable.Range(0, 20).Select(i => Endpoint($"{i}.css", "immutable")).ToArray();
        endpoints[15] = endpoints[15].Replace("\"Selectors\":[]", "\"Selectors\":[}");
        var json = Document(endpoints);

        var error = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.EndsWith($"(byte {json.IndexOf("[}", StringComparison.Ordinal) + 1})", error.Message);
    }

    [Fact]
    public void AnErrorAfterTheEndpoints_NamesItsByteInTheDocument()
    {
        var endpoints = Enumerable.Range(0, 20).Select(i => Endpoint($"{i}.css", "immutable"));
        var json = """{"Endpoints":[""" + string.Join(",\n", endpoints) + "],\n\"Version\":1 x}";

        var error = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.EndsWith($"(byte {json.IndexOf(" x}", StringComparison.Ordinal) + 1})", error.Message);
    }

    [Fact]
    public void ADocumentCutShortInsideAnEndpoint_IsInvalidData()
    {
        var json = Document(Endpoint("a.css", "immutable"), Endpoint("b.css", "immutable"));

        var error = Assert.Throws<InvalidDataException>(() => Parse(json.Substring(0, json.Length - 40)));

        Assert.Contains("it is not JSON of the expected shape", error.Message);
    }

    [Fact]
    public void ReadingABadFile_GivesItsProblem_AndNoRoutes()
    {
        var path = Path.Combine(_temp.Path, "app.staticwebassets.endpoints.json");
        File.WriteAllText(path, """{"Version":2,"Endpoints":[]}""");

        var content = EndpointsFileReader.Read(path);

        Assert.Null(content.ImmutableRoutes);
        Assert.Equal("'Version' is 2, not 1", content.Problem);
    }

    [Fact]
    public void NoFile_GivesNoRoutes_AndNoWarning()
    {
        var log = new RecordingLog();

        var routes = EndpointsFileReader.ImmutableRoutes(EndpointsFileReader.Read(Path.Combine(_temp.Path, "app.staticwebassets.endpoints.json")), log);

        Assert.Empty(routes);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void ABadFile_IsWarningQcdn2108NamingIt_AndGivesNoRoutes()
    {
        var path = Path.Combine(_temp.Path, "app.staticwebassets.endpoints.json");
        File.WriteAllText(path, """{"Version":2,"Endpoints":[]}""");
        var log = new RecordingLog();

        var routes = EndpointsFileReader.ImmutableRoutes(EndpointsFileReader.Read(path), log);

        Assert.Empty(routes);
        var warning = Assert.Single(log.Warnings);
        Assert.Equal("QCDN2108", warning.Code);
        Assert.Contains(path, warning.Message);
        Assert.Contains("'Version' is 2", warning.Message);
    }
}
