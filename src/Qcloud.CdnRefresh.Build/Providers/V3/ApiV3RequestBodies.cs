using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>The exact JSON bodies of the API 3.0 directory and task actions; API 3.0 refuses fields it does not know.</summary>
internal static class ApiV3RequestBodies
{
    /// <summary><c>PurgePathCache</c>: <c>{"Paths":[…],"FlushType":"flush","Area":…}</c>.</summary>
    public static byte[] PurgePathCache(IReadOnlyList<string> paths, string flushType, string area) => Write(writer =>
    {
        writer.WriteStartArray("Paths");
        foreach (var path in paths)
        {
            writer.WriteStringValue(path);
        }

        writer.WriteEndArray();
        writer.WriteString("FlushType", flushType);
        writer.WriteString("Area", area);
    });

    /// <summary><c>DescribePurgeTasks</c> of one task: <c>{"PurgeType","TaskId","Offset","Limit","Area"}</c>.</summary>
    public static byte[] DescribePurgeTasks(string taskId, string purgeType, int offset, int limit, string area) => Write(writer =>
    {
        writer.WriteString("PurgeType", purgeType);
        writer.WriteString("TaskId", taskId);
        writer.WriteNumber("Offset", offset);
        writer.WriteNumber("Limit", limit);
        writer.WriteString("Area", area);
    });

    private static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
