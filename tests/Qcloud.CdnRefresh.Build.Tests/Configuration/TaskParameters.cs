using System;
using System.Collections.Generic;
using Qcloud.CdnRefresh.Build.Configuration;
using Qcloud.CdnRefresh.Build.MSBuild;

namespace Qcloud.CdnRefresh.Build.Tests.Configuration;

/// <summary>
/// Builds <see cref="RefreshSettings"/> from task parameter values by name, as <see cref="RefreshCdnOversea"/> hands
/// them to the parser, without MSBuild. A name that is not a parameter of the task fails the test.
/// </summary>
internal static class TaskParameters
{
    public static RefreshSettings Parse(params (string Name, string? Value)[] parameters) => Parse(parameters, Array.Empty<string>());

    public static RefreshSettings Parse(IEnumerable<(string Name, string? Value)> parameters, IEnumerable<string> excludeItems)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (typeof(RefreshCdnOversea).GetProperty(name) is null)
            {
                throw new ArgumentException($"RefreshCdnOversea has no parameter {name}.", nameof(parameters));
            }

            values[name] = value;
        }

        return RefreshSettingsParser.Parse(name => values.TryGetValue(name, out var value) ? value : null, excludeItems);
    }
}
