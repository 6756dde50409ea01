using System;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>
/// A failure to inject. Build one with a factory (<see cref="Http500"/>, <see cref="Hang"/>, ...), then say
/// which request it hits: <see cref="OnRequest"/> (the Nth request since the server started, counting from 1)
/// or <see cref="ForNext"/> (the next K requests; the default is the next one), optionally narrowed with
/// <see cref="ForAction"/>. A faulted request is recorded but has no effect: no quota, no nonce consumed.
/// </summary>
public sealed record FaultRule
{
    private FaultRule(FaultKind kind) => Kind = kind;

    public FaultKind Kind { get; }

    /// <summary>Hits only the request with this sequence number (1-based, over all requests received).</summary>
    public int? AtRequest { get; init; }

    /// <summary>Without <see cref="AtRequest"/>: how many of the next matching requests are hit.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Only requests for this action (v3 <c>X-TC-Action</c>, v2 <c>Action</c>) match.</summary>
    public string? Action { get; init; }

    public TimeSpan HangFor { get; init; }

    /// <summary>After a hang: drop the connection instead of answering.</summary>
    public bool AbortAfterHang { get; init; }

    /// <summary>v3 <c>Error.Code</c>, or v2 <c>codeDesc</c>.</summary>
    public string ErrorCode { get; init; } = "";

    public string ErrorMessage { get; init; } = "";

    /// <summary>v2 numeric <c>code</c>.</summary>
    public int V2Code { get; init; }

    public static FaultRule Http500() => new(FaultKind.Http500);

    public static FaultRule Http429() => new(FaultKind.Http429);

    public static FaultRule Http502Html() => new(FaultKind.Http502Html);

    public static FaultRule TruncatedJson() => new(FaultKind.TruncatedJson);

    public static FaultRule GarbageBody() => new(FaultKind.GarbageBody);

    /// <summary>
    /// Holds the request for <paramref name="duration"/> or until the client goes away. If the client is still
    /// there afterwards and <paramref name="abort"/> is false, the request is then processed normally
    /// (it may consume quota, like a slow but successful real call); otherwise the connection is dropped.
    /// </summary>
    public static FaultRule Hang(TimeSpan duration, bool abort = false) =>
        new(FaultKind.Hang) { HangFor = duration, AbortAfterHang = abort };

    /// <summary>Answers a v3 request with this error; v2 requests are not matched.</summary>
    public static FaultRule V3Error(string code, string message) =>
        new(FaultKind.V3Error) { ErrorCode = code, ErrorMessage = message };

    /// <summary>Answers a v2 request with this error; v3 requests are not matched.</summary>
    public static FaultRule V2Error(int code, string message, string codeDesc) =>
        new(FaultKind.V2Error) { V2Code = code, ErrorMessage = message, ErrorCode = codeDesc };

    public FaultRule OnRequest(int sequenceNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceNumber, 1);
        return this with { AtRequest = sequenceNumber };
    }

    public FaultRule ForNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return this with { Times = count, AtRequest = null };
    }

    public FaultRule ForAction(string action) => this with { Action = action };

    internal bool Matches(ApiProtocol protocol, string? action) =>
        (Action is null || string.Equals(Action, action, StringComparison.Ordinal))
        && (Kind != FaultKind.V3Error || protocol is ApiProtocol.V3 or ApiProtocol.EdgeOne)
        && (Kind != FaultKind.V2Error || protocol == ApiProtocol.V2);
}
