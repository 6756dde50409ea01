using System;
using System.Security.Cryptography;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>Thread-safe random numbers for nonces and jitter.</summary>
internal static class RandomNonce
{
    public static uint Next()
    {
        var bytes = new byte[4];
        using (var rng = RandomNumberGenerator.Create())
        {
            rng.GetBytes(bytes);
        }

        // Tencent wants a positive integer: keep 31 bits and never zero.
        var value = BitConverter.ToUInt32(bytes, 0) & 0x7FFFFFFF;
        return value == 0 ? 1u : value;
    }

    public static double NextDouble() => Next() / (double)int.MaxValue;
}
