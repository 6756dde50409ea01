using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>One request from arrival to record: read, maybe fault, verify, answer, record (always).</summary>
internal sealed class RequestPipeline(FakeApiState state, FaultInjector faults, Action<RecordedRequest> record, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        long sequence = state.NextSequence();
        DateTimeOffset receivedAt = state.Now;
        IncomingRequest request;
        try
        {
            request = await IncomingRequest.ReadAsync(context);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went away mid-body: still a request received, recorded with what is known.
            record(new RecordedRequest
            {
                Sequence = sequence, ReceivedAt = receivedAt, Method = context.Request.Method, Path = context.Request.Path.Value ?? "",
            });
            return;
        }

        FaultRule? fault = faults.Take(sequence, request.Protocol, request.Action);
        SignatureCheck check = Check(request);
        ApiOutcome? outcome = null;
        int status = 0;
        try
        {
            if (fault is not null && fault.Kind != FaultKind.Hang)
            {
                outcome = FaultResponses.For(fault);
            }
            else if (fault is not null && !await SurvivesHangAsync(context, fault))
            {
                context.Abort();
                return;
            }
            else
            {
                outcome = Answer(request, check);
            }

            status = await WriteAsync(context, outcome);
        }
        finally
        {
            record(Record(sequence, receivedAt, request, check, fault, outcome, status));
        }
    }

    private SignatureCheck Check(IncomingRequest request) => request.Protocol switch
    {
        ApiProtocol.V3 => V3Verifier.Check(request, state),
        ApiProtocol.V2 => V2Verifier.Check(request, state),
        ApiProtocol.EdgeOne => V3Verifier.Check(request, state, EdgeOneActions.Version, EdgeOneActions.Service),
        _ => SignatureCheck.Fail(new ApiOutcome { StatusCode = 404, ContentType = "text/plain", Body = "Not Found" }),
    };

    private ApiOutcome Answer(IncomingRequest request, SignatureCheck check)
    {
        if (check.Failure is not null)
        {
            return check.Failure;
        }

        if (request.Protocol == ApiProtocol.V3)
        {
            return V3Actions.Handle(request, state);
        }

        if (request.Protocol == ApiProtocol.EdgeOne)
        {
            return EdgeOneActions.Handle(request, state);
        }

        return V2Verifier.UseNonce(request, state) ?? V2Actions.Handle(request, state);
    }

    /// <summary>True when the hang ran its course with the client still there and the rule wants an answer.</summary>
    private async Task<bool> SurvivesHangAsync(HttpContext context, FaultRule rule)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        state.HangStarted();
        try
        {
            await Task.Delay(rule.HangFor, linked.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return !rule.AbortAfterHang;
    }

    private static async Task<int> WriteAsync(HttpContext context, ApiOutcome outcome)
    {
        HttpResponse response = context.Response;
        response.StatusCode = outcome.StatusCode;
        response.ContentType = outcome.ContentType;
        if (outcome.RetryAfter is not null)
        {
            response.Headers.RetryAfter = outcome.RetryAfter;
        }

        try
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(outcome.Body), context.RequestAborted);
            return outcome.StatusCode;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return 0;
        }
    }

    private static RecordedRequest Record(
        long sequence, DateTimeOffset receivedAt, IncomingRequest request, SignatureCheck check,
        FaultRule? fault, ApiOutcome? outcome, int status) => new()
    {
        Sequence = sequence,
        ReceivedAt = receivedAt,
        Protocol = request.Protocol,
        Method = request.Method,
        Path = request.Path,
        QueryString = request.QueryString,
        ContentType = request.ContentType,
        Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase),
        RawBody = request.Body,
        Parameters = request.Parameters,
        Action = request.Action,
        SecretId = request.SecretId,
        Urls = request.Urls,
        Paths = request.Paths,
        Area = request.Area,
        SignatureVerified = check.Verified,
        ServerStringToSign = check.ServerStringToSign,
        Fault = fault?.Kind,
        StatusCode = status,
        ApiCode = outcome?.ApiCode,
        ApiMessage = outcome?.ApiMessage,
        TaskId = outcome?.TaskId,
        ResponseBody = outcome?.Body,
    };
}
