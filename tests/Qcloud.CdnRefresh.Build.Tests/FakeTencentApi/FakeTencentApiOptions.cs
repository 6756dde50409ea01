using System.Collections.Generic;
using System;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>How the fake behaves. Defaults mirror Tencent's documented limits.</summary>
public sealed class FakeTencentApiOptions
{
    /// <summary>Deliberately fake-looking so no real key is ever mistaken for a test key or vice versa.</summary>
    public const string DefaultSecretId = "AKIDfakeTestKey0000000000000000000000";

    public const string DefaultSecretKey = "fakeSecretKey00000000000000000000000";

    public const string DefaultZoneId = "zone-fake0test0";

    public string SecretId { get; init; } = DefaultSecretId;

    public string SecretKey { get; init; } = DefaultSecretKey;

    /// <summary>When set, every request must carry it (v3 <c>X-TC-Token</c>, v2 <c>Token</c>); when unset, any token sent is refused.</summary>
    public string? Token { get; init; }

    /// <summary>Further SecretId to SecretKey pairs accepted besides <see cref="SecretId"/>.</summary>
    public IReadOnlyDictionary<string, string> ExtraKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>URLs per request (both APIs).</summary>
    public int BatchLimit { get; init; } = 1000;

    /// <summary>URLs per area over the server's lifetime (one server lives for one test, so "daily" never rolls over).</summary>
    public int DailyQuota { get; init; } = 10000;

    /// <summary>Directories per request (v3 <c>PurgePathCache</c>, v2 <c>RefreshCdnOverSeaDir</c>/<c>RefreshCdnDir</c>).</summary>
    public int PathBatchLimit { get; init; } = 20;

    /// <summary>Directories per area over the server's lifetime, both APIs together; reported as <c>PathPurge</c>.</summary>
    public int DailyPathQuota { get; init; } = 100;

    /// <summary>
    /// How many status reports (DescribePurgeTasks, GetCdnOverseaRefreshLog, GetCdnRefreshLog) show a refreshed
    /// URL or directory as still running before it is done (or failed); 0 means done at once. Each report of an
    /// entry counts, so a task read over two pages counts once per entry.
    /// </summary>
    public int TaskQueriesUntilDone { get; init; }

    /// <summary>Most <c>PurgeLogs</c> one DescribePurgeTasks page carries, whatever its <c>Limit</c> asks for.</summary>
    public int PurgeTasksPageCap { get; init; } = 1000;

    /// <summary>Hosts that exist on the account; null accepts any host.</summary>
    public IReadOnlyCollection<string>? KnownHosts { get; init; }

    /// <summary>Area charged when a v3 PurgeUrlsCache omits <c>Area</c> (Tencent then uses the domain's own area).</summary>
    public string DefaultArea { get; init; } = "mainland";

    /// <summary>The one EdgeOne site of the account; any other <c>ZoneId</c> is <c>ResourceNotFound.ZoneNotFound</c>.</summary>
    public string ZoneId { get; init; } = DefaultZoneId;

    /// <summary>The server's notion of now, against which timestamps are checked; defaults to the real clock.</summary>
    public Func<DateTimeOffset>? Clock { get; init; }
}
