using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Qcloud.CdnRefresh.Build.Tests.Manifest;

/// <summary>An in-memory transport answering every request with a delegate.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    public StubHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _respond = respond;
    }

    public HttpRequestMessage? LastRequest { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        return _respond(request, cancellationToken);
    }
}
