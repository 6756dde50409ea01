using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests share one packed package (packed once per run) and run one after the other, and not while
/// any other collection runs: each runs real <c>dotnet</c> children on a machine with few cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "EndToEnd";
}
