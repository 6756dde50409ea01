using System;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>The endpoints file read: its size, the immutable routes found, and the median time of a first read in a fresh process and of a warm one.</summary>
internal sealed record EndpointsFileResult(int Endpoints, long Bytes, int ImmutableRoutes, TimeSpan ColdMedian, TimeSpan WarmMedian);
