using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.MSBuild;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

/// <summary>The parser reads the task's parameters by name: the two lists must be the same.</summary>
public sealed class ParameterNamesTests : IDisposable
{
    private static readonly string[] StringParameters =
    {
        "AddedFiles", "Api", "Area", "BaseUrl", "BaselineUrl", "BatchSize", "ContentRoot", "ContinueOnApiError", "DailyQuota",
        "DirectoryIndex", "DryRun", "Endpoint", "EndpointsFile", "ExcludePatterns", "Manifest", "MaxRetries", "OverQuota", "PublishDir",
        "PublishManifest", "Report", "SignatureMethod", "SkipImmutable", "Timeout", "Wait", "WaitTimeout", "WithoutBaseline", "ZoneId",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheParser_ReadsEveryStringParameterOfTheTask_ByItsName()
    {
        var read = new List<string>();

        RefreshSettingsParser.Parse(
            name =>
            {
                read.Add(name);
                return name switch { "PublishDir" => _temp.Path, "BaseUrl" => "https://www.example.com/", _ => null };
            },
            Array.Empty<string>());

        Assert.Equal(StringParameters, read.OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void TheTask_HasExactlyThoseStringParameters()
    {
        var declared = typeof(RefreshCdnOversea)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.PropertyType == typeof(string) && property.CanWrite)
            .Select(property => property.Name);

        Assert.Equal(StringParameters, declared.OrderBy(name => name, StringComparer.Ordinal));
    }
}
