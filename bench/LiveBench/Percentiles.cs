namespace CommunityOfPractice.LiveBench;

/// <summary>Nearest-rank percentiles of microsecond samples, reported in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Percentiles Of(List<int> micros)
    {
        if (micros.Count == 0)
        {
            return Empty;
        }

        micros.Sort();
        double At(double p) => micros[Math.Clamp((int)Math.Ceiling(p * micros.Count) - 1, 0, micros.Count - 1)] / 1000.0;
        return new Percentiles(micros.Count, At(0.50), At(0.95), At(0.99), micros[^1] / 1000.0);
    }

    public static Percentiles OfMilliseconds(IEnumerable<double> milliseconds) =>
        Of([.. milliseconds.Select(ms => (int)Math.Round(ms * 1000))]);
}
