namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>What one API call came to, after its retries: a value, or a classified failure.</summary>
internal sealed record ApiCallResult<T>(T? Value, ApiFailure? Failure)
    where T : class
{
    public static ApiCallResult<T> Success(T value) => new(value, null);

    public static ApiCallResult<T> Failed(ApiFailure failure) => new(null, failure);

    /// <summary>The value turned into <typeparamref name="TResult"/> by <paramref name="map"/>, or the same failure.</summary>
    public ApiCallResult<TResult> Map<TResult>(Func<T, TResult> map)
        where TResult : class =>
        new(Value is null ? null : map(Value), Failure);
}
