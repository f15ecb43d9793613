using CommunityOfPractice.LiveBench;

if (args.Length > 0 && args[0] == "baseline-server")
{
    return await BaselineServer.RunAsync(args[1..]);
}

// The fault tests' load and SMTP sink (bench/faults, Faults.cs).
if (args.Length > 0 && args[0] is "faults" or "smtp-sink")
{
    return await Faults.RunAsync(args);
}

BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"LiveBench: {e.Message}");
    return 2;
}

if (options is null)
{
    return 0;
}

// Thousands of client connections start in bursts: let the pool grow without its slow ramp.
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount * 4), Math.Max(16, Environment.ProcessorCount * 4));
try
{
    return await Bench.RunAsync(options);
}
catch (Exception e)
{
    Console.Error.WriteLine($"LiveBench failed: {e}");
    return 1;
}
