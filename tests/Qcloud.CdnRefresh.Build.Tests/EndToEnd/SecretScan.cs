using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>Looks for secrets in files as bytes: UTF-8 and UTF-16 (both byte orders), and inside a gzip-compressed binary log.</summary>
public static class SecretScan
{
    /// <summary>The decompressed content of an MSBuild binary log (a gzip stream of records).</summary>
    public static byte[] DecompressBinaryLog(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>True when <paramref name="haystack"/> holds <paramref name="text"/> in UTF-8, UTF-16LE or UTF-16BE.</summary>
    public static bool Contains(byte[] haystack, string text) =>
        Encodings(text).Any(needle => haystack.AsSpan().IndexOf(needle) >= 0);

    /// <summary>One line per (secret, place) where a secret was found; empty when all is clean.</summary>
    public static IReadOnlyList<string> Findings(IReadOnlyDictionary<string, byte[]> places, IReadOnlyDictionary<string, string> secrets) =>
        (from place in places
         from secret in secrets
         where Contains(place.Value, secret.Value)
         select $"{secret.Key} found in {place.Key}").ToList();

    private static IEnumerable<byte[]> Encodings(string text)
    {
        yield return Encoding.UTF8.GetBytes(text);
        yield return Encoding.Unicode.GetBytes(text);
        yield return Encoding.BigEndianUnicode.GetBytes(text);
    }
}
