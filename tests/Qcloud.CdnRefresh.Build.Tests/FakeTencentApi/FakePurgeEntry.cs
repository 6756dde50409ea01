namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>One URL or directory of a <see cref="FakePurgeTask"/>, with how often a status query has reported it.</summary>
internal sealed class FakePurgeEntry(string url, long logId)
{
    public string Url => url;

    /// <summary>The v2 overseas log <c>id</c>, unique over the server.</summary>
    public long LogId => logId;

    /// <summary>Guarded by the <see cref="PurgeTaskStore"/> lock.</summary>
    public int TimesReported { get; set; }
}
