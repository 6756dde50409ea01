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

    /// <summary>The answer's value, or its failure with the <c>Error.Code</c> classified by <paramref name="kindOf"/>.</summary>
    public static ApiCallResult<T> Read<T>(int httpStatus, byte[] body, JsonTypeInfo<T> type, Func<string, ApiFailureKind> kindOf)
        where T : V3Response
    {
        using var document = JsonBody.TryParse(body);
        if (JsonBody.Property(document?.RootElement, "Response") is not { ValueKind: JsonValueKind.Object } element)
        {
            return ApiCallResult<T>.Failed(ApiFailure.UnexpectedResponse(httpStatus, body, document is null ? null : "no Response object"));
        }

        T response;
        try
        {
            response = element.Deserialize(type)!;
        }
        catch (JsonException)
        {
            return ApiCallResult<T>.Failed(ApiFailure.UnexpectedResponse(httpStatus, body, "unexpected fields"));
        }

        if (response.Error is { Code: { Length: > 0 } code } error)
        {
            // A Tencent error body wins over the HTTP status: its code says more than "400" or "503".
            var message = ApiFailure.MessageOrFallback(error.Message ?? string.Empty, code);
            return ApiCallResult<T>.Failed(ApiFailure.FromApiCode(kindOf(code), code, message, httpStatus, response.RequestId));
        }

        var unexpected = response.Error is not null ? "Error without a Code"
            : httpStatus is < 200 or > 299 ? "no Error although the HTTP status is not a success"
            : response.RequestId is null ? "no RequestId"
            : response.IsComplete() ? null
            : "unexpected fields";
        return unexpected is null
            ? ApiCallResult<T>.Success(response)
            : ApiCallResult<T>.Failed(ApiFailure.UnexpectedResponse(httpStatus, body, unexpected));
    }

    /// <summary>Whether a success carries the fields its action promises.</summary>
    public virtual bool IsComplete() => true;

    /// <summary><c>Response.Error</c>: <c>Code</c> such as <c>AuthFailure.SignatureFailure</c>, and a <c>Message</c>.</summary>
    internal sealed record ErrorBody(string? Code, string? Message);
}
