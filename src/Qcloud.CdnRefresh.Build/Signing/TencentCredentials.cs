namespace Qcloud.CdnRefresh.Build.Signing;

/// <summary>A Tencent Cloud key pair, with the token of a temporary key when there is one.</summary>
internal sealed class TencentCredentials
{
    public TencentCredentials(string secretId, string secretKey, string? token = null)
    {
        SecretId = secretId;
        SecretKey = secretKey;
        Token = string.IsNullOrEmpty(token) ? null : token;
    }

    public string SecretId { get; }

    public string SecretKey { get; }

    public string? Token { get; }

    // Keeps the key out of any log or exception message that formats this object.
    public override string ToString() => $"TencentCredentials(SecretId={SecretId}, SecretKey=***, Token={(Token is null ? "none" : "***")})";
}
