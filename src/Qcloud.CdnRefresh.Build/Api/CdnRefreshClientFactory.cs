using System;
using Qcloud.CdnRefresh.Build.Signing;

namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>
/// Builds the client for <c>CdnRefreshApi</c>. It validates nothing but the API name: the task checks every option,
/// with a coded error, before it gets here.
/// </summary>
internal static class CdnRefreshClientFactory
{
    public const string ApiV3 = "v3";
    public const string ApiV2 = "v2";

    /// <summary>The endpoint an API uses when <c>CdnRefreshEndpoint</c> is empty.</summary>
    public static Uri DefaultEndpoint(string api) => IsV2(api) ? CdnApiV2Client.DefaultEndpoint : CdnApiV3Client.DefaultEndpoint;

    /// <summary>
    /// Options for <paramref name="api"/> with the default endpoint when <paramref name="endpoint"/> is null; set
    /// retries, timeout and <see cref="ApiClientOptions.OnRetry"/> on the result with <c>with { … }</c>.
    /// </summary>
    public static ApiClientOptions CreateOptions(string api, string area, Uri? endpoint, string signatureMethod) => new()
    {
        Endpoint = endpoint ?? DefaultEndpoint(api),
        Area = area,
        SignatureMethod = signatureMethod,
    };

    /// <summary>A <see cref="CdnApiV3Client"/> for <c>v3</c> or a <see cref="CdnApiV2Client"/> for <c>v2</c>; both are <see cref="IDisposable"/>.</summary>
    public static ICdnRefreshClient Create(string api, TencentCredentials credentials, ApiClientOptions options) =>
        IsV2(api) ? new CdnApiV2Client(credentials, options) : new CdnApiV3Client(credentials, options);

    /// <summary>Shorthand for <see cref="CreateOptions"/> then <see cref="Create(string, TencentCredentials, ApiClientOptions)"/>.</summary>
    public static ICdnRefreshClient Create(string api, string area, Uri? endpoint, string signatureMethod, TencentCredentials credentials) =>
        Create(api, credentials, CreateOptions(api, area, endpoint, signatureMethod));

    private static bool IsV2(string api)
    {
        if (string.Equals(api, ApiV2, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(api, ApiV3, StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new ArgumentException("The API must be 'v3' or 'v2', not '" + api + "'.", nameof(api));
    }
}
