using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Configuration;

/// <summary>The knobs exactly as MSBuild passed them: strings, possibly empty.</summary>
internal sealed class RawSettings
{
    public string? PublishDir { get; set; }
    public string? ContentRoot { get; set; }
    public string? BaseUrl { get; set; }
    public string? Api { get; set; }
    public string? Area { get; set; }
    public string? Endpoint { get; set; }
    public string? SignatureMethod { get; set; }
    public string? BatchSize { get; set; }
    public string? DailyQuota { get; set; }
    public string? DryRun { get; set; }
    public string? Manifest { get; set; }
    public string? BaselineUrl { get; set; }
    public string? PublishManifest { get; set; }
    public string? WithoutBaseline { get; set; }
    public string? AddedFiles { get; set; }
    public string? DirectoryIndex { get; set; }
    public string? ContinueOnError { get; set; }
    public string? MaxRetries { get; set; }
    public string? Timeout { get; set; }
    public string? Report { get; set; }
    public string? OverQuota { get; set; }
    public string? Wait { get; set; }
    public string? WaitTimeout { get; set; }
    public IReadOnlyList<string> Exclude { get; set; } = new List<string>();
}
