using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Qcloud.CdnRefresh.Build.Api;

namespace Qcloud.CdnRefresh.Build.Tests.Api;

/// <summary>A batch sender that answers each batch with the next scripted outcome (default: accepted).</summary>
internal sealed class FakeRefreshClient
{
    private readonly Queue<Func<IReadOnlyList<string>, CancellationToken, Task<BatchOutcome>>> answers = new();

    public string Action => "PurgeUrlsCache";

    public Uri Endpoint { get; } = new("http://127.0.0.1:1/");

    public List<IReadOnlyList<string>> Submitted { get; } = new();

    public FakeRefreshClient Then(BatchOutcome outcome)
    {
        answers.Enqueue((_, _) => Task.FromResult(outcome));
        return this;
    }

    public FakeRefreshClient Then(Func<IReadOnlyList<string>, CancellationToken, Task<BatchOutcome>> answer)
    {
        answers.Enqueue(answer);
        return this;
    }

    public Task<BatchOutcome> SubmitAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        Submitted.Add(urls);
        return answers.Count > 0
            ? answers.Dequeue()(urls, cancellationToken)
            : Task.FromResult(BatchOutcome.Accepted("task-" + Submitted.Count));
    }
}
