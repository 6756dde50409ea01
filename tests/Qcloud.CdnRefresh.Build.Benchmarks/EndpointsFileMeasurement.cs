using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Qcloud.CdnRefresh.Build.StaticAssets;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>
/// Reading the web SDK's static web assets endpoints file, as a run does before planning: a generated file shaped
/// like the SDK's (three endpoints a route, for brotli, gzip and none; every response header the SDK writes; half
/// the routes fingerprinted and immutable), read with <see cref="EndpointsFileReader"/>.
/// </summary>
internal static class EndpointsFileMeasurement
{
    /// <summary>One untimed read, then <paramref name="repetitions"/> timed ones; the file is deleted afterwards.</summary>
    public static EndpointsFileResult Measure(string folder, int endpoints, int repetitions)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "site.staticwebassets.endpoints.json");
        File.WriteAllText(path, Generate(endpoints));
        try
        {
            var immutable = Read(path, out _);
            var times = new List<TimeSpan>();
            for (var i = 0; i < repetitions; i++)
            {
                Read(path, out var elapsed);
                times.Add(elapsed);
            }

            return new EndpointsFileResult(endpoints, new FileInfo(path).Length, immutable, Median.Of(times));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int Read(string path, out TimeSpan elapsed)
    {
        var stopwatch = Stopwatch.StartNew();
        var routes = EndpointsFileReader.Parse(File.ReadAllBytes(path));
        elapsed = stopwatch.Elapsed;
        return routes.Count;
    }

    private static string Generate(int endpoints)
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
