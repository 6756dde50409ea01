namespace Qcloud.CdnRefresh.Build.Manifest;

/// <summary>A warning for the caller to log with its code; the manifest code never logs or throws for these.</summary>
internal sealed record ManifestDiagnostic(string Code, string Message);
