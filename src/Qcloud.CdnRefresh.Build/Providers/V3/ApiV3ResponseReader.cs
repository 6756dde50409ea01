using System;
using System.Text.Json;

using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>Reads an API 3.0 response: <c>{"Response":{"Error":{"Code","Message"}?,"RequestId",…}}</c>.</summary>
internal static class ApiV3ResponseReader
{
    /// <remarks><c>readSuccess</c>: Reads the <c>Response</c> object of a success (with its RequestId); null when it has the wrong shape.</remarks>
    public static ApiCallResult<T> Read<T>(int httpStatus, byte[] body, Func<JsonElement, string, T?> readSuccess)
        where T : class
    {
        using var document = JsonBody.TryParse(body);
        if (document is null)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body));
        }

        var response = JsonBody.Property(document.RootElement, "Response");
        if (response?.ValueKind != JsonValueKind.Object)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no Response object"));
        }

        var requestId = JsonBody.Text(JsonBody.Property(response.Value, "RequestId"));
        var error = JsonBody.Property(response.Value, "Error");
        if (error?.ValueKind == JsonValueKind.Object)
        {
            // A Tencent error body wins over the HTTP status: its code says more than "400" or "503".
            var code = JsonBody.Text(JsonBody.Property(error.Value, "Code"));
            if (string.IsNullOrEmpty(code))
            {
                return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "Error without a Code"));
            }

            var message = JsonBody.Text(JsonBody.Property(error.Value, "Message")) ?? string.Empty;
            return ApiCallResult<T>.Failed(V3ErrorCodes.ToFailure(code!, message, httpStatus, requestId));
        }

        if (httpStatus < 200 || httpStatus > 299)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no Error although the HTTP status is not a success"));
        }

        if (requestId is null)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no RequestId"));
        }

        var value = readSuccess(response.Value, requestId);
        return value is null
            ? ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "unexpected fields"))
            : ApiCallResult<T>.Success(value);
    }
}
