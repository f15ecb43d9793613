using System.Xml.Linq;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Web.Charts;
using CommunityOfPractice.Web.Pages.Portfolio;

namespace CommunityOfPractice.Web.Tests;

/// <summary>The portfolio's server-drawn charts and CSV: well-formed, accessible, and safe with names members typed.</summary>
public sealed class PortfolioChartTests
{
    private const string Hostile = "Peckham <script>alert('x')</script> & Sons";
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_movement_chart_is_well_formed_svg_with_its_names_escaped_and_an_accessible_name()
    {
        var chart = PortfolioCharts.Movement(Organisation(Hostile), "movement-1");

        var root = XElement.Parse(chart.Markup);
        Assert.Equal(_svg + "svg", root.Name);
        Assert.Equal("img", root.Attribute("role")?.Value);
        Assert.Equal("movement-1-title movement-1-desc", root.Attribute("aria-labelledby")?.Value);
        Assert.Equal($"How {Hostile} moved through the stages", root.Element(_svg + "title")?.Value);
        Assert.Contains("Connection on 1 January 2024, Mutuality on 1 June 2024", root.Element(_svg + "desc")?.Value);
        Assert.DoesNotContain("<script", chart.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", chart.Markup, StringComparison.Ordinal);
        Assert.Contains("&amp; Sons", chart.Markup, StringComparison.Ordinal);
        Assert.Empty(root.Descendants(_svg + "script"));

        // The legend names the place; the stage axis names the stages.
        var texts = root.Descendants(_svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Walworth & Co", texts);
        Assert.Contains("Connection", texts);
        Assert.Contains("Mutuality", texts);
        Assert.Contains("Intention", texts);
        Assert.Contains("Systemic", texts);

        // Inline beside other charts: every id is the chart's own, and styles are attributes (the CSP allows no inline style).
        Assert.All(root.Descendants().Attributes("id"), id => Assert.StartsWith("movement-1-", id.Value));
        Assert.Empty(root.DescendantsAndSelf().Attributes("style"));
        Assert.NotNull(root.Attribute("viewBox"));
    }

    [Fact]
    public void A_distribution_chart_labels_each_stage_and_count()
    {
        var place = new PortfolioPlace(Guid.NewGuid(), Hostile, "peckham", [.. PortfolioCharts.Stages.Select((s, i) => new StageCount(s, i))], []);

        var chart = PortfolioCharts.Distribution(place, "distribution-1");

        var root = XElement.Parse(chart.Markup);
        Assert.Equal($"How the organisations in {Hostile} spread over the stages", root.Element(_svg + "title")?.Value);
        Assert.Contains("Intention: 0; Established: 1; Connection: 2; Mutuality: 3; Systemic: 4", root.Element(_svg + "desc")?.Value);
        var texts = root.Descendants(_svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Established", texts);
        Assert.Contains("4", texts);
        Assert.DoesNotContain("<script", chart.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_id_that_is_not_a_plain_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SvgChart.From("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "x\" onload=\"alert(1)", "t", "d"));
    }

    [Fact]
    public void Scripts_and_event_attributes_in_a_drawing_are_dropped()
    {
        var chart = SvgChart.From(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"><script>alert(2)</script><a href=\"javascript:alert(3)\"><text>x</text></a><rect onclick=\"alert(4)\"/></svg>",
            "c", "t", "d");

        Assert.DoesNotContain("alert", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_a_header_and_one_quoted_row_per_point_with_formulas_defused()
    {
        var csv = PortfolioCsv.Write(new PortfolioView([], [Organisation("=HYPERLINK(\"http://evil\")")]));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Organisation\",\"Place\",\"Date\",\"Stage\",\"Moved from\",\"Followed\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Walworth & Co\",\"2024-01-01\",\"Connection\",\"\",\"yes\"", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Walworth & Co\",\"2024-06-01\",\"Mutuality\",\"Connection\",\"yes\"", lines[2]);
        Assert.Equal("\"'+1\"", PortfolioCsv.Field("+1"));
        Assert.Equal("\"'-1\"", PortfolioCsv.Field("-1"));
        Assert.Equal("\"'@SUM(A1)\"", PortfolioCsv.Field("@SUM(A1)"));
        Assert.Equal("\"plain, with comma\"", PortfolioCsv.Field("plain, with comma"));
    }

    private static PortfolioOrganisation Organisation(string name) => new(
        Guid.NewGuid(), name, "peckham-sons", IsFollowed: true,
        [
            new PortfolioJourney(new PlaceRef(Guid.NewGuid(), "Walworth & Co"),
            [
                new StagePoint(new DateOnly(2024, 1, 1), FrameworkStage.Connection, null),
                new StagePoint(new DateOnly(2024, 6, 1), FrameworkStage.Mutuality, FrameworkStage.Connection),
            ]),
        ]);
}
