namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>What reading the endpoints file gave, before anything is logged about it.</summary>
/// <param name="Path">The file, or null when the run names none.</param>
/// <param name="ImmutableRoutes">Its immutable routes; null when there is no file or it could not be used.</param>
/// <param name="Problem">Why the file could not be used; null when it could, or when there is none.</param>
internal sealed record EndpointsFileContent(string? Path, ISet<string>? ImmutableRoutes, string? Problem);
