using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.ChangeDetection;
using Qcloud.CdnRefresh.Build.Manifest;
using Xunit;
using static Qcloud.CdnRefresh.Build.Tests.Manifest.ManifestTestData;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>
/// The manifest is parsed a chunk at a time; wherever the chunks end, the outcome (files, warnings and their words,
/// JSON error positions included) must be the one of reading the document whole.
/// </summary>
public class ManifestChunkedReadingTests
{
    private const string Head = "{\"version\":1,\"baseUrl\":\"https://www.example.com/\",";

    public static IEnumerable<object[]> Documents()
    {
        var documents = new List<string>
        {
            "",
            "   ",
            "{",
            "null",
            "[1, [2, {\"a\": 3}]]",
            "\"manifest\"",
            "{}",
            "{} x",
            "{}   \n  ",
            Head + "\"files\":[{\"path\":\"a\",\"si",
            Head + "\"files\":[]} trailing",
            Head + "\"files\":{\"a\":[1,2,3]}}",
            Head + "\"files\":[42, {\"path\":\"b\"}]}",
            Head + "\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"}]}",
            Head + "\"files\":[{\"path\":\"b\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"c\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"b\",\"size\":1,\"sha256\":\"SHA\"}]}",
            Head + "\"files\":[{\"path\":\"b\",\"size\":1,\"sha256\":\"SHA\"},{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"}]}",
            Head + "\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\",\"lastWriteTimeUtc\":\"yesterday\"}]}",
            Head + "\"files\":[], \"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"}], \"pendingUrls\":[\"https://www.example.com/x\"]}",
            Head + "/* comment */ \"future\":{\"x\":[1,2,{\"y\":\"z\"}]},\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\",\"etag\":{\"deep\":[1,2]}},],\"pendingUrls\":[1]}",
            "\uFEFF" + Head + "\"updatedUtc\":638500000000000000,\"files\":[{\"path\":\"a\",\"size\":0,\"sha256\":\"SHA\",\"lastWriteTimeUtc\":5}]}",
            "{\"version\":2,\"files\":[1,2,3]}",
            "{\"version\":1,\"baseUrl\":\"https://other.example.com/\",\"files\":[],\"pendingUrls\":[\"a\",\"b\"]}",
            "{\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"SHA\"}],\"baseUrl\":\"https://www.example.com/\",\"version\":1}",
            Encoding.UTF8.GetString(ManifestWriter.Serialize(ManifestOf(
                Enumerable.Range(0, 200).Select(i => File($"dir{i % 7}/file{i:D4}.css", "c" + i, i % 3 == 0 ? $"dir{i % 7}/x" : null)),
                "https://www.example.com/owed"))),
        };

        return documents.Select(json => new object[] { json.Replace("SHA", Sha256("x")) });
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Any_chunk_size_reads_the_document_as_a_whole(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var whole = Describe(ManifestReader.Parse(new MemoryStream(bytes), "m", BaseUrl, bufferSize: bytes.Length + 1024));

        foreach (var size in new[] { 1, 16, 17, 31, 64, 100, 1000 })
        {
            var chunked = Describe(ManifestReader.Parse(new TrickleStream(bytes), "m", BaseUrl, bufferSize: size));
            Assert.Equal(whole, chunked);
        }
    }

    private static string Describe(ManifestLoadResult result)
    {
        var text = new StringBuilder();
        text.AppendLine("overwrite " + result.MayOverwrite);
        foreach (var warning in result.Warnings)
        {
            text.AppendLine(warning.Code + " " + warning.Message);
        }

        if (result.Baseline is { } baseline)
        {
            text.AppendLine(baseline.BaseUrl + " " + baseline.UpdatedUtc.Ticks);
            foreach (var file in baseline.Files)
            {
                text.AppendLine(file.ToString());
            }

            text.AppendLine(string.Join(" ", baseline.PendingUrls));
        }

        return text.ToString();
    }

    /// <summary>Hands out at most 5 bytes a read, so chunks also end where the buffer is not full.</summary>
    private sealed class TrickleStream : MemoryStream
    {
        public TrickleStream(byte[] bytes)
            : base(bytes, writable: false)
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 5));
    }
}
