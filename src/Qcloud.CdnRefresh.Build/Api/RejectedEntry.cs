namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>One entry of an accepted request that the API did not take (EdgeOne's <c>FailedList</c>): it stays owed.</summary>
/// <param name="Entry">The URL or directory URL as it was sent.</param>
/// <param name="Reason">The API's reason, as it gave it.</param>
internal sealed record RejectedEntry(string Entry, string Reason);
