using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// Every accepted refresh (both APIs, URLs and directories) and the status the status actions report for it: an entry
/// is <c>process</c> for its first <see cref="QueriesUntilDone"/> reports, then <c>fail</c> if its URL or task was
/// marked failed, else <c>done</c>.
/// </summary>
internal sealed class PurgeTaskStore(int queriesUntilDone)
{
    public const string Process = "process";
    public const string Done = "done";
    public const string Fail = "fail";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly object _gate = new();
    private readonly List<FakePurgeTask> _tasks = new();
    private readonly HashSet<string> _failedUrls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedTasks = new(StringComparer.Ordinal);
    private int _queriesUntilDone = queriesUntilDone;
    private long _logIds = 100_000;

    public int QueriesUntilDone
    {
        get
        {
            lock (_gate)
            {
                return _queriesUntilDone;
            }
        }

        set
        {
            lock (_gate)
            {
                _queriesUntilDone = value;
            }
        }
    }

    /// <summary>Tencent's <c>yyyy-MM-dd HH:mm:ss</c> in Beijing time, as every log writes it.</summary>
    public static string BeijingText(DateTimeOffset instant) =>
        instant.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string BeijingDate(DateTimeOffset instant) =>
        instant.ToOffset(Beijing).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseBeijing(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local)
            ? new DateTimeOffset(local, Beijing)
            : null;

    public FakePurgeTask Add(string id, string area, string purgeType, string flushType, IEnumerable<string> urls, DateTimeOffset createdAt)
    {
        lock (_gate)
        {
            var task = new FakePurgeTask
            {
                Id = id,
                Area = area,
                PurgeType = purgeType,
                FlushType = flushType,
                CreatedAt = createdAt,
                Entries = urls.Select(url => new FakePurgeEntry(url, ++_logIds)).ToList(),
            };
            _tasks.Add(task);
            return task;
        }
    }

    /// <summary>Tasks in the order they were accepted.</summary>
    public IReadOnlyList<FakePurgeTask> Matching(Func<FakePurgeTask, bool> predicate)
    {
        lock (_gate)
        {
            return _tasks.Where(predicate).ToList();
        }
    }

    public void FailUrls(IEnumerable<string> urls)
    {
        lock (_gate)
        {
            _failedUrls.UnionWith(urls);
        }
    }

    public void FailTask(string taskId)
    {
        lock (_gate)
        {
            _failedTasks.Add(taskId);
        }
    }

    /// <summary>The status a query reports for <paramref name="entry"/> now; counts as one report.</summary>
    public string Report(FakePurgeTask task, FakePurgeEntry entry)
    {
        lock (_gate)
        {
            entry.TimesReported++;
            if (entry.TimesReported <= _queriesUntilDone)
            {
                return Process;
            }

            return _failedTasks.Contains(task.Id) || _failedUrls.Contains(entry.Url) ? Fail : Done;
        }
    }
}
