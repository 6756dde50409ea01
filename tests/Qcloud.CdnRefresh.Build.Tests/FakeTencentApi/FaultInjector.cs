using System.Collections.Generic;

namespace Qcloud.CdnRefresh.Build.Tests.FakeTencentApi;

/// <summary>Armed rules with their remaining hit counts; first injected, first applied.</summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> _armed = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _armed.Add((rule, rule.AtRequest is null ? rule.Times : 1));
        }
    }

    public FaultRule? Take(long sequence, ApiProtocol protocol, string? action)
    {
        lock (_gate)
        {
            for (int i = 0; i < _armed.Count; i++)
            {
                var (rule, remaining) = _armed[i];
                if (rule.AtRequest is int at && at != sequence)
                {
                    continue;
                }

                if (!rule.Matches(protocol, action))
                {
                    continue;
                }

                if (remaining <= 1)
                {
                    _armed.RemoveAt(i);
                }
                else
                {
                    _armed[i] = (rule, remaining - 1);
                }

                return rule;
            }

            return null;
        }
    }
}
