namespace Qcloud.CdnRefresh.Build.Api;

/// <summary>What one API call came to: a value, or a classified failure; and how many HTTP requests it took.</summary>
internal sealed class ApiCallResult<T>
    where T : class
{
    private ApiCallResult(T? value, ApiFailure? failure, int attempts)
    {
        Value = value;
        Failure = failure;
        Attempts = attempts;
    }

    public T? Value { get; }

    public ApiFailure? Failure { get; }

    public int Attempts { get; }

    public static ApiCallResult<T> Success(T value) => new(value, null, 0);

    public static ApiCallResult<T> Failed(ApiFailure failure) => new(null, failure, 0);

    public ApiCallResult<T> WithAttempts(int attempts) => new(Value, Failure, attempts);
}
