using System;

namespace Qcloud.CdnRefresh.Build.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == EndpointsFileMeasurement.Switch)
        {
            return EndpointsFileMeasurement.RunChild(args[1]);
        }

        if (args.Length == 3 && args[0] == DetectOnlyMode.Switch)
        {
            return DetectOnlyMode.Run(args[1], args[2]);
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        new BenchmarkRunner(options, Console.Out).Run();
        return 0;
    }
}
