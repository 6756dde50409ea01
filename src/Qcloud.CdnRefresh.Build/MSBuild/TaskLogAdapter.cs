using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Qcloud.CdnRefresh.Build.Refresh;

namespace Qcloud.CdnRefresh.Build.MSBuild;

/// <summary>Sends a run's messages to MSBuild with their code and README help link.</summary>
internal sealed class TaskLogAdapter : IRefreshLog
{
    private const string Prefix = "CdnRefresh: ";
    private readonly TaskLoggingHelper _log;

    public TaskLogAdapter(TaskLoggingHelper log)
    {
        _log = log;
    }

    public void Summary(string message) => _log.LogMessage(MessageImportance.High, Prefix + message);

    public void Detail(string message) => _log.LogMessage(MessageImportance.Low, Prefix + message);

    public void Warning(string code, string message) =>
        _log.LogWarning(null, code, null, DiagnosticCodes.HelpLink(code), null, 0, 0, 0, 0, message);

    public void Error(string code, string message) =>
        _log.LogError(null, code, null, DiagnosticCodes.HelpLink(code), null, 0, 0, 0, 0, message);
}
