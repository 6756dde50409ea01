namespace Qcloud.CdnRefresh.Build.Diagnostics;

/// <summary>Where a run reports. The MSBuild task maps it to its logger; tests record it.</summary>
internal interface IRefreshLog
{
    /// <summary>The one line a run prints at normal verbosity.</summary>
    void Summary(string message);

    /// <summary>Details, shown at detailed verbosity only.</summary>
    void Detail(string message);

    void Warning(string code, string message);

    void Error(string code, string message);
}
