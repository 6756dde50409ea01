using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Qcloud.CdnRefresh.Build.Diagnostics;

namespace Qcloud.CdnRefresh.Build.MSBuild;

/// <summary>Sends a run's messages to MSBuild with their code and README help link.</summary>
internal sealed class TaskLogAdapter(TaskLoggingHelper log) : IRefreshLog
{
    private const string Prefix = "CdnRefresh: ";

    public void Summary(string message) => log.LogMessage(MessageImportance.High, Prefix + message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, Prefix + message);

    public void Warning(string code, string message) =>
        log.LogWarning(null, code, null, DiagnosticCodes.HelpLink(code), null, 0, 0, 0, 0, message);

    public void Error(string code, string message) =>
        log.LogError(null, code, null, DiagnosticCodes.HelpLink(code), null, 0, 0, 0, 0, message);
}
