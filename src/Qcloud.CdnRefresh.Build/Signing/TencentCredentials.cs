namespace Qcloud.CdnRefresh.Build.Signing;

/// <summary>A Tencent Cloud key pair, with the token of a temporary key when there is one.</summary>
internal sealed record TencentCredentials(string SecretId, string SecretKey, string? Token = null)
{
    public string? Token { get; } = string.IsNullOrEmpty(Token) ? null : Token;

    // Keeps the key out of any log or exception message that formats this object.
    public override string ToString() => $"TencentCredentials(SecretId={SecretId}, SecretKey=***, Token={(Token is null ? "none" : "***")})";
}
