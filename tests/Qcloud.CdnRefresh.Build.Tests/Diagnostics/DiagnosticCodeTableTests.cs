using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Diagnostics;

/// <summary>
/// Every diagnostic code pinned to its literal: a swapped, renumbered or added constant fails here, because the other
/// tests compare with these literals and never with the constants.
/// </summary>
public sealed class DiagnosticCodeTableTests
{
    private static readonly IReadOnlyDictionary<string, string> Table = new Dictionary<string, string>
    {
        ["BaseUrlInvalid"] = "QCDN1001",
        ["BatchSizeOutOfRange"] = "QCDN1002",
        ["UnknownApi"] = "QCDN1003",
        ["UnknownArea"] = "QCDN1004",
        ["UnknownSignatureMethod"] = "QCDN1005",
        ["EndpointInvalid"] = "QCDN1006",
        ["SecretInProperty"] = "QCDN1007",
        ["CredentialsMissing"] = "QCDN1008",
        ["InvalidOption"] = "QCDN1009",
        ["PublishDirMissing"] = "QCDN1010",
        ["ContentRootMissing"] = "QCDN1011",
        ["ZoneIdInvalid"] = "QCDN1012",
        ["AreaNotApplicable"] = "QCDN1013",
        ["FileUnreadable"] = "QCDN2001",
        ["SymlinkEscapesContentRoot"] = "QCDN2002",
        ["FileNameNotUrl"] = "QCDN2003",
        ["ContentRootEmpty"] = "QCDN2004",
        ["ManifestCorrupt"] = "QCDN2101",
        ["ManifestNewerVersion"] = "QCDN2102",
        ["ManifestOtherBaseUrl"] = "QCDN2103",
        ["ManifestWriteFailed"] = "QCDN2104",
        ["BaselineFetchFailed"] = "QCDN2105",
        ["ManifestLocked"] = "QCDN2106",
        ["ReportWriteFailed"] = "QCDN2107",
        ["EndpointsFileInvalid"] = "QCDN2108",
        ["ApiError"] = "QCDN3001",
        ["ApiAuthFailed"] = "QCDN3002",
        ["ApiQuotaExceeded"] = "QCDN3003",
        ["ApiUnreachable"] = "QCDN3004",
        ["ApiUnexpectedResponse"] = "QCDN3005",
        ["ApiRetired"] = "QCDN3006",
        ["DailyQuotaInsufficient"] = "QCDN3007",
        ["RefreshFailed"] = "QCDN3008",
        ["TargetsRejected"] = "QCDN3009",
        ["ApiRetrying"] = "QCDN3101",
        ["WaitTimedOut"] = "QCDN3102",
        ["StatusUnavailable"] = "QCDN3103",
    };

    [Fact]
    public void EveryCodeConstant_HasTheLiteralOfItsRow_AndEveryRowHasAConstant()
    {
        var constants = typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);

        Assert.Equal(Table.OrderBy(row => row.Key, StringComparer.Ordinal), constants.OrderBy(row => row.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_AreUnique()
    {
        Assert.Equal(Table.Count, Table.Values.Distinct().Count());
    }

    [Fact]
    public void EveryCode_HasItsSectionInDocsDiagnostics_AndNoSectionIsForAnUnknownCode()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics.md"));
        var sections = Regex.Matches(text, @"^## (QCDN\d{4})\s*$", RegexOptions.Multiline).Cast<Match>().Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(Table.Values.OrderBy(code => code, StringComparer.Ordinal), sections.OrderBy(code => code, StringComparer.Ordinal));
    }
}
