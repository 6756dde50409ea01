using System;
using System.Collections.Generic;
using System.IO;
using Qcloud.CdnRefresh.Build.Credentials;
using Qcloud.CdnRefresh.Build.Diagnostics;
using Xunit;

namespace Qcloud.CdnRefresh.Build.Tests.Credentials;

public sealed class CredentialsReaderTests : IDisposable
{
    private readonly string _home = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qcdn-home-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CredentialsReader Reader(Dictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, _home);

    private void WriteDefaultCredentialsFile(string content)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".tencentcloud"));
        File.WriteAllText(Path.Combine(_home, ".tencentcloud", "credentials"), content);
    }

    [Fact]
    public void EnvironmentVariables_AreUsedFirst()
    {
        WriteDefaultCredentialsFile("[default]\nsecret_id = FILEID\nsecret_key = FILEKEY\n");

        var credentials = Reader(new() { ["TENCENTCLOUD_SECRET_ID"] = "ENVID", ["TENCENTCLOUD_SECRET_KEY"] = "ENVKEY" }).Read();

        Assert.Equal("ENVID", credentials.SecretId);
        Assert.Equal("ENVKEY", credentials.SecretKey);
        Assert.Null(credentials.Token);
    }

    [Fact]
    public void Token_ComesFromTencentcloudToken_ThenSecurityToken()
    {
        var both = Reader(new() { ["TENCENTCLOUD_SECRET_ID"] = "I", ["TENCENTCLOUD_SECRET_KEY"] = "K", ["TENCENTCLOUD_TOKEN"] = "T1", ["TENCENTCLOUD_SECURITY_TOKEN"] = "T2" }).Read();
        var securityOnly = Reader(new() { ["TENCENTCLOUD_SECRET_ID"] = "I", ["TENCENTCLOUD_SECRET_KEY"] = "K", ["TENCENTCLOUD_SECURITY_TOKEN"] = "T2" }).Read();

        Assert.Equal("T1", both.Token);
        Assert.Equal("T2", securityOnly.Token);
    }

    [Fact]
    public void WithoutVariables_TheDefaultSectionOfTheHomeCredentialsFileIsRead()
    {
        WriteDefaultCredentialsFile("[other]\nsecret_id = X\nsecret_key = Y\n\n[default]\n# comment\nsecret_id = FILEID\nsecret_key = FILEKEY\n");

        var credentials = Reader(new()).Read();

        Assert.Equal("FILEID", credentials.SecretId);
        Assert.Equal("FILEKEY", credentials.SecretKey);
    }

    [Fact]
    public void CredentialsFileVariable_OverridesTheHomeFile()
    {
        WriteDefaultCredentialsFile("[default]\nsecret_id = HOME\nsecret_key = HOMEKEY\n");
        var custom = Path.Combine(_home, "custom.ini");
        File.WriteAllText(custom, "[default]\nsecret_id = CUSTOM\nsecret_key = CUSTOMKEY\n");

        var credentials = Reader(new() { ["TENCENTCLOUD_CREDENTIALS_FILE"] = custom }).Read();

        Assert.Equal("CUSTOM", credentials.SecretId);
    }

    [Fact]
    public void OnlyTheSecretIdVariable_FallsBackToTheFile()
    {
        WriteDefaultCredentialsFile("[default]\nsecret_id = FILEID\nsecret_key = FILEKEY\n");

        var credentials = Reader(new() { ["TENCENTCLOUD_SECRET_ID"] = "ENVID" }).Read();

        Assert.Equal("FILEID", credentials.SecretId);
    }

    [Fact]
    public void NothingAnywhere_IsQcdn1008NamingTheVariables()
    {
        var error = Assert.Throws<CdnRefreshException>(() => Reader(new()).Read());

        Assert.Equal("QCDN1008", error.Code);
        Assert.Contains("TENCENTCLOUD_SECRET_ID", error.Message);
        Assert.Contains("TENCENTCLOUD_SECRET_KEY", error.Message);
    }

    [Fact]
    public void Credentials_ToString_HidesTheKeyAndToken()
    {
        var credentials = Reader(new() { ["TENCENTCLOUD_SECRET_ID"] = "I", ["TENCENTCLOUD_SECRET_KEY"] = "VERYSECRET", ["TENCENTCLOUD_TOKEN"] = "TOKENVALUE" }).Read();

        Assert.DoesNotContain("VERYSECRET", credentials.ToString());
        Assert.DoesNotContain("TOKENVALUE", credentials.ToString());
    }
}
