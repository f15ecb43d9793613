using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CommunityOfPractice.LiveBench;

/// <summary>What /proc says about this machine and about a process (Linux only).</summary>
public static class Machine
{
    // USER_HZ: the unit of utime/stime in /proc/[pid]/stat; 100 on every Linux we run on.
    private const double TicksPerSecond = 100;

    public static string Describe()
    {
        var model = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memoryGiB = MemTotalKb() / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({model}), {memoryGiB:0.0} GiB memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    public static long MemTotalKb() => ReadKb("/proc/meminfo", "MemTotal:");

    /// <summary>Resident set size of a process in KiB (0 if it is gone).</summary>
    public static long RssKb(int pid) => ReadKb($"/proc/{pid}/status", "VmRSS:");

    /// <summary>User + system CPU time a process has used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            return ParseCpu(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// PostgreSQL's CPU time: the postmaster <see cref="PostgresPid"/> and its children (backends,
    /// walwriter, checkpointer...) when it is known, else every process named <c>postgres</c>.
    /// </summary>
    public static TimeSpan PostgresCpuTime()
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || !stat.AsSpan(open + 1, close - open - 1).SequenceEqual("postgres"))
                {
                    continue;
                }

                var pid = int.Parse(name, CultureInfo.InvariantCulture);
                var parent = int.Parse(stat[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (PostgresPid is not { } postmaster || pid == postmaster || parent == postmaster)
                {
                    total += ParseCpu(stat);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }

        return total;
    }

    /// <summary>The bench's own PostgreSQL postmaster (bench/run.sh passes it), if known.</summary>
    public static int? PostgresPid { get; set; }

    /// <summary>Busy and total jiffies of the whole machine, from the first line of /proc/stat.</summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        var fields = ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        return (total - idle, total);
    }

    public static int CurrentPid => Environment.ProcessId;

    private static TimeSpan ParseCpu(string stat)
    {
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static long ReadKb(string path, string key)
    {
        var line = ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
    }
}

/// <summary>CPU used by each part between two moments, in cores (1.0 = one core busy all the time).</summary>
public sealed record CpuUse(double Server, double Clients, double Postgres, double Total, TimeSpan ServerCpu)
{
    /// <summary>Cores busy with anything else on the machine (another build, a browser...): should be near 0.</summary>
    public double Other => Math.Max(0, Total - Server - Clients - Postgres);

    public static CpuSample Sample(int serverPid) => new(
        Stopwatch.GetTimestamp(), Machine.CpuTime(serverPid), Process.GetCurrentProcess().TotalProcessorTime,
        Machine.PostgresCpuTime(), Machine.MachineJiffies());
}

public sealed record CpuSample(long At, TimeSpan Server, TimeSpan Clients, TimeSpan Postgres, (long Busy, long Total) Jiffies)
{
    public CpuUse Until(CpuSample end)
    {
        var seconds = Stopwatch.GetElapsedTime(At, end.At).TotalSeconds;
        var jiffies = end.Jiffies.Total - Jiffies.Total;
        return new CpuUse(
            (end.Server - Server).TotalSeconds / seconds,
            (end.Clients - Clients).TotalSeconds / seconds,
            (end.Postgres - Postgres).TotalSeconds / seconds,
            jiffies == 0 ? 0 : (double)(end.Jiffies.Busy - Jiffies.Busy) / jiffies * Environment.ProcessorCount,
            end.Server - Server);
    }
}
