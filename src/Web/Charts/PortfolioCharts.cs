using System.Globalization;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;
using ScottPlot;

namespace CommunityOfPractice.Web.Charts;

/// <summary>
/// The portfolio's two charts, drawn with ScottPlot into SVG on the server so they read without
/// JavaScript: how a followed place's organisations spread over the five stages (bars, each
/// labelled with its count), and how one organisation moved through the stages over time in each
/// place (a step line per place, each with its own marker shape and line pattern, so colour is
/// never the only difference). The stage axis names the stages, Intention to Systemic. Colours
/// are dark enough on white for WCAG's 3:1 for graphics.
/// </summary>
public static class PortfolioCharts
{
    public const string FontName = "DejaVu Sans";

    private static readonly CultureInfo _britishEnglish = CultureInfo.GetCultureInfo("en-GB");
    private static readonly Lock _fontLock = new();
    private static bool _fontAdded;

    private static readonly Color[] _colours =
    [
        Color.FromHex("#1D4F91"), Color.FromHex("#A4262C"), Color.FromHex("#1B6E3A"), Color.FromHex("#6B3FA0"),
        Color.FromHex("#8A4B00"), Color.FromHex("#0B6E79"), Color.FromHex("#333333"),
    ];

    private static readonly MarkerShape[] _markers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
    ];

    private static readonly LinePattern[] _patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>The stages in order as the axis shows them: 1 = Intention … 5 = Systemic.</summary>
    public static IReadOnlyList<FrameworkStage> Stages { get; } = Enum.GetValues<FrameworkStage>().OrderBy(s => (int)s).ToList();

    public static SvgChart Distribution(PortfolioPlace place, string id)
    {
        using var plot = NewPlot();
        var bars = place.Distribution.Select(d => new Bar
        {
            Position = Position(d.Stage),
            Value = d.Organisations,
            Label = d.Organisations.ToString(CultureInfo.InvariantCulture),
            FillColor = _colours[0],
            LineColor = Colors.Black,
            LineWidth = 1,
        }).ToList();
        var bar = plot.Add.Bars(bars);
        bar.ValueLabelStyle.FontName = FontName;
        bar.ValueLabelStyle.FontSize = 14;
        bar.ValueLabelStyle.ForeColor = Colors.Black;

        plot.Axes.Bottom.TickGenerator = StageTicks();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "Organisations";
        plot.Axes.Bottom.Label.Text = "Stage now";
        var most = Math.Max(1, place.Distribution.Select(d => d.Organisations).DefaultIfEmpty(0).Max());
        plot.Axes.SetLimits(0.4, Stages.Count + 0.6, 0, most * 1.2 + 0.2);
        StyleAxes(plot);

        var counts = string.Join("; ", place.Distribution.Select(d => $"{d.Stage}: {d.Organisations}"));
        return SvgChart.From(plot.GetSvgXml(640, 300), id,
            $"How the organisations in {place.Name} spread over the stages",
            $"Bar chart of the organisations working in {place.Name} at their current stage. {counts}. The table beside it holds the same figures.");
    }

    public static SvgChart Movement(PortfolioOrganisation organisation, string id)
    {
        using var plot = NewPlot();
        var dates = organisation.Journeys.SelectMany(j => j.Points).Select(p => p.AssessedOn).ToList();
        for (var i = 0; i < organisation.Journeys.Count; i++)
        {
            var journey = organisation.Journeys[i];
            var xs = journey.Points.Select(p => X(p.AssessedOn)).ToArray();
            var ys = journey.Points.Select(p => Position(p.Stage)).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = _colours[i % _colours.Length];
            line.LineWidth = 2;
            line.LinePattern = _patterns[i % _patterns.Length];
            line.MarkerShape = _markers[i % _markers.Length];
            line.MarkerSize = 10;
            line.LegendText = journey.Place.Name;
        }

        plot.Axes.Left.TickGenerator = StageTicks();
        plot.Axes.Left.Label.Text = "Stage";
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = d => d.ToString("MMM yyyy", _britishEnglish) };
        plot.Axes.Bottom.Label.Text = "Date assessed";
        var first = dates.Count == 0 ? DateOnly.FromDateTime(DateTime.Today) : dates.Min();
        var last = dates.Count == 0 ? first : dates.Max();
        var pad = Math.Max(30, (last.DayNumber - first.DayNumber) / 10);
        plot.Axes.SetLimits(X(first.AddDays(-pad)), X(last.AddDays(pad)), 0.5, Stages.Count + 0.5);
        StyleAxes(plot);
        if (organisation.Journeys.Count > 0)
        {
            plot.ShowLegend(Edge.Right);
            plot.Legend.FontName = FontName;
            plot.Legend.FontSize = 13;
        }

        var summary = string.Join(" ", organisation.Journeys.Select(j =>
            $"In {j.Place.Name}: " + string.Join(", ", j.Points.Select(p => $"{p.Stage} on {p.AssessedOn.ToString("d MMMM yyyy", _britishEnglish)}")) + "."));
        return SvgChart.From(plot.GetSvgXml(640, 300), id,
            $"How {organisation.Name} moved through the stages",
            $"Step chart of {organisation.Name}'s stage over time, one line per place. {summary} The table beside it holds the same points.");
    }

    private static double Position(FrameworkStage stage) => Stages.ToList().IndexOf(stage) + 1;

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static ScottPlot.TickGenerators.NumericManual StageTicks() =>
        new([.. Stages.Select(Position)], [.. Stages.Select(s => s.ToString())]);

    private static Plot NewPlot()
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(FontName);
        return plot;
    }

    private static void StyleAxes(Plot plot)
    {
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontName = FontName;
            axis.TickLabelStyle.FontSize = 13;
            axis.TickLabelStyle.ForeColor = Colors.Black;
            axis.Label.FontName = FontName;
            axis.Label.FontSize = 14;
            axis.Label.ForeColor = Colors.Black;
            axis.Label.Bold = false;
        }

        plot.Grid.MajorLineColor = Color.FromHex("#767676").WithAlpha(0.35);
    }

    /// <summary>The font ships with the Web (Charts/Fonts), so text is measured the same on a server without fonts.</summary>
    private static void EnsureFont()
    {
        lock (_fontLock)
        {
            if (!_fontAdded)
            {
                Fonts.AddFontFile(FontName, Path.Combine(AppContext.BaseDirectory, "Charts", "Fonts", "DejaVuSans.ttf"), bold: false, italic: false);
                _fontAdded = true;
            }
        }
    }
}
