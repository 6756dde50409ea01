using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>
/// The tests' one in-memory transport: records every request and answers with the next scripted step (a response, an
/// exception, or a hang until the request's token is cancelled), or, once the steps are spent, with the
/// <see cref="AnswerEveryRequest"/> function. Running out of both fails the test.
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    /// <summary>How long a hang holds a request that nothing cancels: only a failing test gets there.</summary>
    public static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(30);

    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> steps = new();
    private readonly List<RecordedRequest> requests = new();
    private Func<HttpRequestMessage, int, HttpResponseMessage>? answer;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToArray();
            }
        }
    }

    public ScriptedHttpHandler Respond(int status, string body, string contentType = "application/json")
    {
        steps.Enqueue(_ => Task.FromResult(Response(status, new StringContent(body, Encoding.UTF8, contentType))));
        return this;
    }

    public ScriptedHttpHandler RespondJson(string json) => Respond(200, json);

    /// <summary>Answers with a <c>Retry-After</c> header (seconds or an HTTP date) and, when given, a <c>Date</c> header.</summary>
    public ScriptedHttpHandler RespondRetryAfter(int status, RetryConditionHeaderValue retryAfter, DateTimeOffset? date = null)
    {
        steps.Enqueue(_ =>
        {
            var response = Response(status, new StringContent("slow down", Encoding.UTF8, "text/plain"));
            response.Headers.RetryAfter = retryAfter;
            response.Headers.Date = date;
            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>Answers the same response <paramref name="times"/> times.</summary>
    public ScriptedHttpHandler RespondRepeatedly(int times, int status, string body, string contentType = "application/json")
    {
        for (var i = 0; i < times; i++)
        {
            Respond(status, body, contentType);
        }

        return this;
    }

    /// <summary>Answers every request that no step is left for with <paramref name="respond"/>(request, its 1-based number).</summary>
    public ScriptedHttpHandler AnswerEveryRequest(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
    {
        answer = respond;
        return this;
    }

    public ScriptedHttpHandler Throw(Exception exception)
    {
        steps.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>
    /// Never answers; ends only when the request is cancelled (by a timeout or the caller), or fails after
    /// <see cref="SafetyLimit"/>, which a passing test never reaches. <paramref name="onArrival"/>
    /// runs once the request is held, so a test can cancel it at a known point.
    /// </summary>
    public ScriptedHttpHandler Hang(Action? onArrival = null)
    {
        steps.Enqueue(async token =>
        {
            onArrival?.Invoke();
            await Task.Delay(SafetyLimit, token);
            throw new TimeoutException("The request was neither timed out nor cancelled within " + SafetyLimit + ".");
        });
        return this;
    }

    /// <summary>
    /// Sends the status line and headers, then a body that never finishes. <paramref name="onBodyRead"/> runs once the
    /// client is reading the body.
    /// </summary>
    public ScriptedHttpHandler HangInBody(Action? onBodyRead = null)
    {
        steps.Enqueue(_ => Task.FromResult(Response(200, new StreamContent(new HangingStream(onBodyRead)))));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync();
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        int number;
        lock (requests)
        {
            requests.Add(new RecordedRequest
            {
                Method = request.Method.Method,
                Uri = request.RequestUri,
                Path = request.RequestUri!.AbsolutePath,
                QueryString = request.RequestUri.Query,
                Headers = headers,
                RawBody = body,
                ContentType = request.Content?.Headers.ContentType?.ToString(),
            });
            number = requests.Count;
        }

        if (steps.Count == 0 && answer is not null)
        {
            return answer(request, number);
        }

        if (steps.Count == 0)
        {
            throw new InvalidOperationException("The script has no response left for request " + requests.Count + ".");
        }

        return await steps.Dequeue()(cancellationToken);
    }

    private static HttpResponseMessage Response(int status, HttpContent content) =>
        new((HttpStatusCode)status) { Content = content };

    private sealed class HangingStream : Stream
    {
        private readonly Action? onRead;

        public HangingStream(Action? onRead)
        {
            this.onRead = onRead;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            onRead?.Invoke();
            await Task.Delay(SafetyLimit, cancellationToken);
            throw new TimeoutException("The body read was neither timed out nor cancelled within " + SafetyLimit + ".");
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
