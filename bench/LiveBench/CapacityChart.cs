using System.Globalization;
using ScottPlot;

namespace CommunityOfPractice.LiveBench;

/// <summary>
/// p95 against subscribers, one line per server (the Api in JSON, the Api in MessagePack, the bare
/// hub), with the capacity limit as a dashed line: the run's table drawn as docs/capacity.svg.
/// Each line has its own marker and pattern, so colour is never the only difference.
/// </summary>
public static class CapacityChart
{
    private const string FontName = "DejaVu Sans";

    private static readonly (Color Colour, MarkerShape Marker, LinePattern Pattern)[] _styles =
    [
        (Color.FromHex("#1D4F91"), MarkerShape.FilledCircle, LinePattern.Solid),
        (Color.FromHex("#1B6E3A"), MarkerShape.FilledSquare, LinePattern.Dashed),
        (Color.FromHex("#A4262C"), MarkerShape.FilledTriangleUp, LinePattern.Dotted),
    ];

    public static string Svg(RunReport run)
    {
        // The Web's bundled font, so text is measured the same on a machine without fonts.
        var font = Path.Combine(run.Options.RepoRoot, "src", "Web", "Charts", "Fonts", "DejaVuSans.ttf");
        using var plot = new Plot();
        if (File.Exists(font))
        {
            Fonts.AddFontFile(FontName, font, bold: false, italic: false);
            plot.Font.Set(FontName);
        }

        var style = 0;
        var highest = run.Options.CapacityP95Ms;
        foreach (var (target, rows) in run.Series())
        {
            var points = rows.Where(r => r.Delivery.Latency.Count > 0).OrderBy(r => r.Subscribers).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            highest = Math.Max(highest, points.Max(r => r.Delivery.Latency.P95));
            var (colour, marker, pattern) = _styles[style++ % _styles.Length];
            var line = plot.Add.Scatter(points.Select(r => (double)r.Subscribers).ToArray(), points.Select(r => r.Delivery.Latency.P95).ToArray());
            line.LegendText = Report.ServerName(target);
            line.Color = colour;
            line.MarkerShape = marker;
            line.MarkerSize = 8;
            line.LinePattern = pattern;
            line.LineWidth = 2;
        }

        var limit = plot.Add.HorizontalLine(run.Options.CapacityP95Ms);
        limit.Color = Color.FromHex("#555555");
        limit.LinePattern = LinePattern.Dashed;
        limit.LegendText = string.Create(CultureInfo.InvariantCulture, $"capacity limit ({run.Options.CapacityP95Ms:0} ms)");

        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"Live fan-out: p95 delivery against subscribers, {run.Options.Rate:0} posts/s into one thread ({run.StartedUtc:yyyy-MM-dd})"));
        plot.Axes.Bottom.Label.Text = "Subscribers";
        plot.Axes.Left.Label.Text = "p95 from post to copy received (ms)";
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, highest * 1.1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(800, 450);
    }
}
