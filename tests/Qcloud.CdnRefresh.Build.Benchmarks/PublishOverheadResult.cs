using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>Publishes of the sample without and with the dry run, in the order they ran.</summary>
internal sealed record PublishOverheadResult(IReadOnlyList<PublishSample> Plain, IReadOnlyList<PublishSample> WithDryRun);
