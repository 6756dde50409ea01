namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>What the fake answers to one request, plus what the record needs to know about it.</summary>
internal sealed record ApiOutcome
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public int StatusCode { get; init; } = 200;

    public string ContentType { get; init; } = JsonContentType;

    public string Body { get; init; } = "";

    public string? RetryAfter { get; init; }

    public string? ApiCode { get; init; }

    public string? ApiMessage { get; init; }

    public string? TaskId { get; init; }
}
