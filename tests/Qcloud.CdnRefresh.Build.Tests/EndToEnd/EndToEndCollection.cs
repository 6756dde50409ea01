using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests share one packed package (packed once per run) and run one after the other:
/// each runs real <c>dotnet</c> children on a machine with few cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "EndToEnd";
}
