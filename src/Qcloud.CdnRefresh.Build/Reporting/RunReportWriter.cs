using System.Text.Json;
using Qcloud.CdnRefresh.Build.Manifest;

namespace Qcloud.CdnRefresh.Build.Reporting;

/// <summary>Writes the JSON report of a run (<c>CdnRefreshReport</c>). It holds URLs and counts, never a secret or a signature.</summary>
internal static class RunReportWriter
{
    public const int FormatVersion = 1;

    /// <summary>Replaces the report atomically, so a reader never sees half of one.</summary>
    public static void Write(string path, RefreshResult result) => AtomicFileWriter.Write(path, stream => WriteTo(stream, result));

    private static void WriteTo(Stream stream, RefreshResult result)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteBoolean("dryRun", result.DryRun);
        json.WriteString("action", result.Action);
        json.WriteString("endpoint", result.Endpoint.ToString());
        json.WriteBoolean("hadBaseline", result.HadBaseline);
        json.WriteStartObject("files");
        json.WriteNumber("listed", result.FilesListed);
        json.WriteNumber("hashed", result.FilesHashed);
        json.WriteNumber("reused", result.FilesReused);
        json.WriteNumber("modified", result.Modified);
        json.WriteNumber("deleted", result.Deleted);
        json.WriteNumber("added", result.Added);
        json.WriteNumber("immutableLeftAlone", result.ImmutableLeftAlone);
        json.WriteEndObject();
        json.WriteNumber("owedFromEarlierRuns", result.Owed);
        json.WriteNumber("batchSize", result.BatchSize);
        json.WriteNumber("batches", result.Batches);
        json.WriteNumber("batchesAccepted", result.BatchesAccepted);
        WriteStrings(json, "plannedUrls", result.PlannedUrls);
        json.WriteStartArray("baseUrls");
        foreach (var baseUrl in result.BaseUrls)
        {
            json.WriteStartObject();
            json.WriteString("baseUrl", baseUrl.BaseUrl.Value);
            json.WriteNumber("urlCount", baseUrl.Urls.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("acceptedUrls");
        foreach (var url in result.AcceptedUrls)
        {
            json.WriteStartObject();
            json.WriteString("url", url.Url);
            json.WriteNumber("batch", url.Batch);
            if (url.TaskId is not null)
            {
                json.WriteString("taskId", url.TaskId);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "pendingUrls", result.PendingUrls);
        WriteStrings(json, "taskIds", result.AcceptedUrls.Select(u => u.TaskId).Where(id => id is not null).Distinct());
        if (result.FailureCode is not null)
        {
            json.WriteStartObject("error");
            json.WriteString("code", result.FailureCode);
            json.WriteString("message", result.FailureMessage);
            json.WriteEndObject();
        }

        WriteStrings(json, "directories", result.Directories);
        WriteStrings(json, "refreshFailedUrls", result.RefreshFailedUrls);
        WriteStrings(json, "stillRunning", result.StillRunning);
        json.WriteBoolean("manifestWritten", result.ManifestWritten);
        json.WriteNumber("elapsedMilliseconds", (long)result.Elapsed.TotalMilliseconds);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
