using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Providers.V3;

/// <summary>
/// The <c>Response</c> object of every API 3.0 answer, <c>{"Response":{"Error":{"Code","Message"}?,"RequestId",…}}</c>;
/// each action's answer adds its own fields.
/// </summary>
internal record V3Response
{
    /// <summary>Present when the call failed; then it is the whole answer.</summary>
    public ErrorBody? Error { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The answer's value, or its failure with the <c>Error.Code</c> classified by <paramref name="kindOf"/> (null: CDN's rules).</summary>
    public static ApiCallResult<T> Read<T>(int httpStatus, byte[] body, JsonTypeInfo<T> type, Func<string, ApiFailureKind>? kindOf = null)
        where T : V3Response
    {
        using var document = JsonBody.TryParse(body);
        if (document is null)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body));
        }

        if (JsonBody.Property(document.RootElement, "Response") is not { ValueKind: JsonValueKind.Object } element)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no Response object"));
        }

        T response;
        try
        {
            response = element.Deserialize(type)!;
        }
        catch (JsonException)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "unexpected fields"));
        }

        if (response.Error is { } error)
        {
            // A Tencent error body wins over the HTTP status: its code says more than "400" or "503".
            return ApiCallResult<T>.Failed(string.IsNullOrEmpty(error.Code)
                ? ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "Error without a Code")
                : V3ErrorCodes.ToFailure(error.Code!, error.Message ?? string.Empty, httpStatus, response.RequestId, kindOf));
        }

        if (httpStatus < 200 || httpStatus > 299)
        {
            return ApiCallResult<T>.Failed(
                ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no Error although the HTTP status is not a success"));
        }

        if (response.RequestId is null)
        {
            return ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "no RequestId"));
        }

        return response.IsComplete()
            ? ApiCallResult<T>.Success(response)
            : ApiCallResult<T>.Failed(ApiErrorClassifier.UnexpectedResponse(httpStatus, body, "unexpected fields"));
    }

    /// <summary>Whether a success carries the fields its action promises.</summary>
    public virtual bool IsComplete() => true;

    /// <summary><c>Response.Error</c>: <c>Code</c> such as <c>AuthFailure.SignatureFailure</c>, and a <c>Message</c>.</summary>
    internal sealed record ErrorBody(string? Code, string? Message);
}
