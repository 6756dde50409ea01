using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Qcloud.CdnRefresh.Build.StaticAssets;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// Reading the web SDK's static web assets endpoints file, as a run does before planning: a generated file shaped
/// like the SDK's (three endpoints a route, for brotli, gzip and none; every response header the SDK writes; half
/// the routes fingerprinted and immutable), read with <see cref="EndpointsFileReader"/>: first in a fresh process, as
/// a build reads it once, then again and again in this one, once the reader's code is compiled.
/// </summary>
internal static class EndpointsFileMeasurement
{
    /// <summary>The switch that re-invokes the benchmark to read an endpoints file once, in a fresh process.</summary>
    public const string Switch = "--read-endpoints";

    private const int WarmUpReads = 5;
    private const int TimedReads = 15;
    private const string Prefix = "ENDPOINTS elapsedMs=";

    /// <summary>
    /// <paramref name="coldReads"/> reads, each the first in a fresh process, as a build reads the file; then, in this
    /// process, a few untimed reads that compile the reader's code, and the timed warm ones. The file is deleted afterwards.
    /// </summary>
    public static EndpointsFileResult Measure(string folder, int endpoints, int coldReads)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "site.staticwebassets.endpoints.json");
        File.WriteAllText(path, Generate(endpoints));
        try
        {
            var cold = Enumerable.Range(0, coldReads).Select(_ => ReadInChild(path)).ToList();
            var immutable = 0;
            for (var i = 0; i < WarmUpReads; i++)
            {
                immutable = Read(path, out _);
            }

            var warm = new List<TimeSpan>();
            for (var i = 0; i < TimedReads; i++)
            {
                Read(path, out var elapsed);
                warm.Add(elapsed);
            }

            return new EndpointsFileResult(endpoints, new FileInfo(path).Length, immutable, Median.Of(cold), Median.Of(warm));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The child's side: one timed read, printed for the parent.</summary>
    public static int RunChild(string path)
    {
        Read(path, out var elapsed);
        Console.WriteLine(Prefix + elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
        return 0;
    }

    private static TimeSpan ReadInChild(string path)
    {
        var (fileName, prefix) = DetectionContender.SelfCommand();
        var output = ProcessRunner.Run(fileName, prefix.Concat(new[] { Switch, path })).EnsureSucceeded("Reading the endpoints file (" + Switch + ")").StandardOutput;
        var line = output.Split('\n').FirstOrDefault(text => text.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The endpoints child printed no time:\n" + output);
        return TimeSpan.FromMilliseconds(double.Parse(line.Substring(Prefix.Length).Trim(), CultureInfo.InvariantCulture));
    }

    private static int Read(string path, out TimeSpan elapsed)
    {
        var stopwatch = Stopwatch.StartNew();
        var content = EndpointsFileReader.Read(path);
        elapsed = stopwatch.Elapsed;
        return content.ImmutableRoutes?.Count ?? throw new InvalidOperationException(content.Problem);
    }

    /// <summary>A static web assets endpoints file of <paramref name="endpoints"/> endpoints, shaped like the SDK's.</summary>
    public static string Generate(int endpoints)
    {
        var text = new StringBuilder("{\"Version\":1,\"ManifestType\":\"Publish\",\"Endpoints\":[");
        var encodings = new[] { "br", "gzip", null };
        for (var i = 0; i < endpoints; i++)
        {
            var route = i / encodings.Length;
            var encoding = encodings[i % encodings.Length];
            var fingerprinted = route % 2 == 0;
            var name = fingerprinted ? $"_framework/Assembly{route}.{route:x8}ab.wasm" : $"lib/dist/file{route}.js";
            var cacheControl = fingerprinted ? "max-age=31536000, immutable" : "no-cache";
            text.Append(i == 0 ? string.Empty : ",")
                .Append("{\"Route\":\"").Append(name)
                .Append("\",\"AssetFile\":\"").Append(name).Append(encoding == "br" ? ".br" : encoding == "gzip" ? ".gz" : string.Empty)
                .Append("\",\"Selectors\":[").Append(encoding is null ? string.Empty : $"{{\"Name\":\"Content-Encoding\",\"Value\":\"{encoding}\",\"Quality\":\"0.000045132464\"}}")
                .Append("],\"ResponseHeaders\":[{\"Name\":\"Cache-Control\",\"Value\":\"").Append(cacheControl)
                .Append("\"},{\"Name\":\"Content-Length\",\"Value\":\"").Append((1000 + route).ToString(CultureInfo.InvariantCulture))
                .Append("\"},{\"Name\":\"Content-Type\",\"Value\":\"application/wasm\"},{\"Name\":\"ETag\",\"Value\":\"\\\"i0GjuAQDwCnnky+TbqFiQB5kIaZ0x/fZFYN7aM3/23o=\\\"\"}")
                .Append(",{\"Name\":\"Last-Modified\",\"Value\":\"Sun, 06 Dec 2026 04:41:40 GMT\"},{\"Name\":\"Vary\",\"Value\":\"Accept-Encoding\"}]")
                .Append(",\"EndpointProperties\":[{\"Name\":\"integrity\",\"Value\":\"sha256-vJXd4fW2hcDJL29Qnh7DMXUqHMmA7OnSsORgT9WEOYY=\"}]}");
        }

        return text.Append("]}").ToString();
    }
}
