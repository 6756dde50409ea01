using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Diagnostics;

public class DiagnosticCodesTests
{
    [Fact]
    public void HelpLink_PointsAtTheCodesSectionOfDocsDiagnostics_UnderTheProjectUrl()
    {
        Assert.Equal(
            "https://github.com/qcloud-cdnrefresh/Qcloud.CdnRefresh.Build/blob/main/docs/diagnostics.md#qcdn1007",
            DiagnosticCodes.HelpLink("QCDN1007"));
    }
}
