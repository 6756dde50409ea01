using System;
using Qcloud.CdnRefresh.Build.Api;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

public class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    public void WithoutJitter_DoublesPerRetry(int retry, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.Backoff(retry, Initial, Max, 0));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(60)]
    [InlineData(int.MaxValue)]
    public void WithoutJitter_IsCappedAtMaxBackoff(int retry)
    {
        Assert.Equal(Max, RetryPolicy.Backoff(retry, Initial, Max, 0));
    }

    [Fact]
    public void Jitter_AddsAtMostHalf()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(3000), RetryPolicy.Backoff(2, Initial, Max, 1.0));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), RetryPolicy.Backoff(2, Initial, Max, 0.5));
    }
}
