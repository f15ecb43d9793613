using System.Globalization;
using System.Text;

namespace CommunityOfPractice.Api.Tests.Platform.Fuzz;

/// <summary>
/// What a run does, from the environment so a failure can be replayed: <c>COP_FUZZ_SEED</c> (the
/// run's seed, fixed by default so CI is repeatable), <c>COP_FUZZ_CASES</c> (cases per operation and
/// identity) and <c>COP_FUZZ_ONLY</c> (operation ids, comma-separated).
/// </summary>
public sealed record FuzzSettings(int Seed, int Cases, IReadOnlySet<string> Only)
{
    public const int DefaultSeed = 20261212;
    public const int DefaultCases = 12;

    public static FuzzSettings FromEnvironment()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("COP_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("COP_FUZZ_CASES"), CultureInfo.InvariantCulture, out var c) && c > 0 ? c : DefaultCases;
        var only = (Environment.GetEnvironmentVariable("COP_FUZZ_ONLY") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new FuzzSettings(seed, cases, only);
    }

    public bool Includes(ApiOperation operation) => Only.Count == 0 || Only.Contains(operation.Id);

    /// <summary>
    /// Strangers are turned away before anything is read where a sign-in is needed, so they get a
    /// quarter of the cases there.
    /// </summary>
    public int CasesFor(ApiOperation operation, FuzzIdentity identity) =>
        identity.Name == "visitor" && operation.NeedsSignIn ? Math.Max(2, Cases / 4) : Cases;

    /// <summary>Each case's own seed: stable across processes (string.GetHashCode is not), so one case replays alone.</summary>
    public int CaseSeed(ApiOperation operation, FuzzIdentity identity, int index)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{Seed}|{operation.Id}|{identity.Name}|{index}"))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }

    public string Reproduce(ApiOperation? operation = null) =>
        $"COP_FUZZ_SEED={Seed} COP_FUZZ_CASES={Cases}{(operation is null ? "" : $" COP_FUZZ_ONLY={operation.Id}")} ./cop test --filter \"FullyQualifiedName~ApiFuzzTests\"";
}
