namespace Qcloud.CdnRefresh.Build.Diagnostics;

/// <summary>
/// An expected failure: bad input, an unreadable file, a baseline that cannot be fetched. The task turns it into a coded
/// MSBuild error with this message and no stack trace.
/// </summary>
internal sealed class CdnRefreshException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A <see cref="DiagnosticCodes"/> value.</summary>
    public string Code { get; } = code;
}
