using System.Collections.Generic;
using System.Linq;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Refresh;

namespace Qcloud.CdnRefresh.Build.Tests.Refresh;

/// <summary>Keeps everything a run logs, in order.</summary>
internal sealed class RecordingLog : IRefreshLog
{
    private readonly List<(string Level, string? Code, string Message)> entries = new();

    public IReadOnlyList<(string Code, string Message)> Warnings => Of("warning");

    public IReadOnlyList<(string Code, string Message)> Errors => Of("error");

    public IReadOnlyList<string> Summaries => Entries("summary").Select(e => e.Message).ToList();

    /// <summary>Told about each detail line as it is logged: lets a test act at a precise point of a run.</summary>
    public System.Action<string>? OnDetail { get; set; }

    public void Summary(string message) => Add("summary", null, message);

    public void Detail(string message)
    {
        Add("detail", null, message);
        OnDetail?.Invoke(message);
    }

    public void Warning(string code, string message) => Add("warning", code, message);

    public void Error(string code, string message) => Add("error", code, message);

    /// <summary>Everything logged, for a failing assertion to show.</summary>
    public override string ToString()
    {
        lock (entries)
        {
            return string.Join("\n", entries.Select(e => $"{e.Level} {e.Code}: {e.Message}"));
        }
    }

    private IReadOnlyList<(string Code, string Message)> Of(string level) =>
        Entries(level).Select(e => (e.Code!, e.Message)).ToList();

    private List<(string Level, string? Code, string Message)> Entries(string level)
    {
        lock (entries)
        {
            return entries.Where(e => e.Level == level).ToList();
        }
    }

    private void Add(string level, string? code, string message)
    {
        lock (entries)
        {
            entries.Add((level, code, message));
        }
    }
}
