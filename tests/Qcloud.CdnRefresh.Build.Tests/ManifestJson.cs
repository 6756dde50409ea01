using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qcloud.CdnRefresh.Build.Tests;

/// <summary>
/// A manifest file read as raw JSON against the documented format (docs/design.md), independently of the product's
/// reader: a file that is not that shape fails the test that reads it.
/// </summary>
internal sealed record ManifestJson(string BaseUrl, IReadOnlyList<string> Files, IReadOnlyList<string> PendingUrls)
{
    /// <summary><c>baseUrls</c> when the file has it, else <c>baseUrl</c> alone.</summary>
    public IReadOnlyList<string> BaseUrls { get; init; } = Array.Empty<string>();

    private static readonly Regex Sha256Hex = new("^[0-9a-f]{64}$");

    public static ManifestJson? ReadIfExists(string path) => File.Exists(path) ? Read(path) : null;

    public static ManifestJson Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        Require(root.GetProperty("version").GetInt32() == 1, path, "version is not 1");
        var baseUrl = root.GetProperty("baseUrl").GetString();
        Require(Uri.IsWellFormedUriString(baseUrl, UriKind.Absolute), path, "baseUrl is not an absolute URL");
        Require(DateTime.TryParse(root.GetProperty("updatedUtc").GetString(), out _), path, "updatedUtc is not a date");
        var files = root.GetProperty("files").EnumerateArray().Select(file =>
        {
            Require(file.GetProperty("size").GetInt64() >= 0, path, "a size is negative");
            Require(Sha256Hex.IsMatch(file.GetProperty("sha256").GetString() ?? ""), path, "a sha256 is not 64 lowercase hex digits");
            Require(DateTime.TryParse(file.GetProperty("lastWriteTimeUtc").GetString(), out _), path, "a lastWriteTimeUtc is not a date");
            return file.GetProperty("path").GetString() ?? throw new InvalidDataException(path + ": a path is null");
        }).ToList();
        var pending = root.GetProperty("pendingUrls").EnumerateArray()
            .Select(url => url.GetString() ?? throw new InvalidDataException(path + ": a pending URL is null")).ToList();
        var baseUrls = root.TryGetProperty("baseUrls", out var all)
            ? all.EnumerateArray().Select(url => url.GetString() ?? throw new InvalidDataException(path + ": a base URL is null")).ToList()
            : new List<string> { baseUrl! };
        Require(baseUrls[0] == baseUrl, path, "baseUrl is not the first of baseUrls");
        return new ManifestJson(baseUrl!, files, pending) { BaseUrls = baseUrls };
    }

    private static void Require(bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{path}: {problem}.");
        }
    }
}
