using Qcloud.CdnRefresh.Build.Mapping;

namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>The URLs a run refreshes under one of its base URLs, for display.</summary>
/// <param name="BaseUrl">One <c>CdnRefreshBaseUrl</c> entry.</param>
/// <param name="Urls">The changes mapped under it and the owed URLs under it, distinct, sorted ordinally.</param>
/// <param name="IsNew">The baseline does not record it: <c>CdnRefreshWithoutBaseline</c> decided what is refreshed under it.</param>
internal sealed record PlannedBaseUrl(BaseUrl BaseUrl, IReadOnlyList<string> Urls, bool IsNew);
