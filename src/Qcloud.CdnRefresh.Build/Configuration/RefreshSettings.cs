using System;
using System.Collections.Generic;
using Qcloud.CdnRefresh.Build.Mapping;
using Qcloud.CdnRefresh.Build.Providers;
using Qcloud.CdnRefresh.Build.Quota;

namespace Qcloud.CdnRefresh.Build.Configuration;

/// <summary>The validated knobs of one run. Built by <see cref="RefreshSettingsParser"/> from the task's string parameters.</summary>
internal sealed record RefreshSettings
{
    public required string PublishDir { get; init; }

    public string? ContentRoot { get; init; }

    public required BaseUrl BaseUrl { get; init; }

    /// <summary>The provider <c>CdnRefreshApi</c> names.</summary>
    public ProviderRegistration Api { get; init; } = RefreshProviders.Default;

    /// <summary><c>overseas</c> or <c>mainland</c>.</summary>
    public string Area { get; init; } = "overseas";

    public required Uri Endpoint { get; init; }

    public string SignatureMethod { get; init; } = "HmacSHA1";

    public int BatchSize { get; init; } = 1000;

    public int DailyQuota { get; init; } = 10000;

    public bool DryRun { get; init; }

    public string? ManifestPath { get; init; }

    public Uri? BaselineUrl { get; init; }

    public bool PublishManifest { get; init; }

    /// <summary><c>all</c> or <c>none</c>.</summary>
    public string WithoutBaseline { get; init; } = "all";

    public bool AddedFiles { get; init; }

    /// <summary>File name whose change also refreshes its folder's URL; empty turns this off.</summary>
    public string DirectoryIndex { get; init; } = "index.html";

    public bool ContinueOnError { get; init; }

    public int MaxRetries { get; init; } = 3;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public string? ReportPath { get; init; }

    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    /// <summary>What a run over the quota does: fail, or refresh the changed files' directories instead.</summary>
    public OverQuotaMode OverQuota { get; init; } = OverQuotaMode.Fail;

    /// <summary>Wait until Tencent reports every refresh done (<c>CdnRefreshWait</c>).</summary>
    public bool Wait { get; init; }

    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(300);
}
