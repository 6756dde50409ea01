using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

/// <summary>The command line of a benchmark run.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project tests/Qcloud.CdnRefresh.Build.Benchmarks -- [options]
          --sizes 1000,10000,50000   file counts of the synthetic trees (default)
          --quick                    1,000 and 10,000 files, 3 repetitions: for trying things out
          --repetitions N            measured runs per contender and tree (default 5)
          --out DIR                  also write results.md there
          --work DIR                 where the trees are generated (default: the temp folder); deleted at the end
          --no-publish               skip the dotnet publish overhead measurement
          --no-getfilehash           skip MSBuild's GetFileHash (minutes per tree): for trying things out
          --keep                     keep the generated trees
          --endpoints N              endpoints of the generated static web assets file, read alone and in dotnet msbuild (default 50000; 0 skips)
        """;

    public IReadOnlyList<int> Sizes { get; private set; } = new[] { 1_000, 10_000, 50_000 };

    public int Repetitions { get; private set; } = 5;

    public string? OutputFolder { get; private set; }

    public string WorkRoot { get; private set; } = Path.GetTempPath();

    public bool MeasurePublish { get; private set; } = true;

    public bool KeepTrees { get; private set; }

    public bool MeasureGetFileHash { get; private set; } = true;

    public bool Quick { get; private set; }

    public int Endpoints { get; private set; } = 50_000;

    public static BenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new BenchmarkOptions();
        int? repetitions = null;
        IReadOnlyList<int>? sizes = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new ArgumentException(arguments[i] + " needs a value.\n" + Usage);

            switch (arguments[i])
            {
                case "--sizes":
                    sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Replace("_", string.Empty), CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--quick":
                    options.Quick = true;
                    break;
                case "--repetitions":
                    repetitions = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    options.OutputFolder = Path.GetFullPath(Value());
                    break;
                case "--work":
                    options.WorkRoot = Path.GetFullPath(Value());
                    break;
                case "--no-publish":
                    options.MeasurePublish = false;
                    break;
                case "--no-getfilehash":
                    options.MeasureGetFileHash = false;
                    break;
                case "--endpoints":
                    options.Endpoints = int.Parse(Value().Replace("_", string.Empty), CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    options.KeepTrees = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arguments[i]}'.\n" + Usage);
            }
        }

        options.Sizes = sizes ?? (options.Quick ? new[] { 1_000, 10_000 } : options.Sizes);
        options.Repetitions = Math.Max(1, repetitions ?? (options.Quick ? 3 : options.Repetitions));
        return options;
    }
}
