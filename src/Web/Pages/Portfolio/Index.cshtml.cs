using System.Text;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Web.Charts;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Portfolio;

/// <summary>
/// A member's portfolio (what a funder came for): each followed place's spread over the stages and
/// each organisation's movement through them, as charts drawn on the server with the data table
/// beside each, and the same points as CSV (?handler=csv).
/// </summary>
[Authorize]
public sealed class IndexModel(ApiClient api) : PageModel
{
    public PortfolioView? Portfolio { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public IReadOnlyList<(PortfolioPlace Place, SvgChart Chart)> Places { get; private set; } = [];

    public IReadOnlyList<(PortfolioOrganisation Organisation, SvgChart Chart)> Organisations { get; private set; } = [];

    public bool IsEmpty => Portfolio is { Places.Count: 0, Organisations.Count: 0 };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetPortfolioAsync(cancellationToken);
        if (!result.Succeeded)
        {
            LoadProblem = result.Problem;
            return Page();
        }

        Portfolio = result.Value;
        FollowHint.Update(Response, !IsEmpty);
        Places = [.. Portfolio.Places.Select((p, i) => (p, PortfolioCharts.Distribution(p, $"distribution-{i + 1}")))];
        Organisations = [.. Portfolio.Organisations.Where(o => o.Journeys.Count > 0)
            .Select((o, i) => (o, PortfolioCharts.Movement(o, $"movement-{i + 1}")))];
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetPortfolioAsync(cancellationToken);
        if (!result.Succeeded)
        {
            return StatusCode(result.Problem.Status, result.Problem.Message);
        }

        var csv = Encoding.UTF8.GetBytes(PortfolioCsv.Write(result.Value));
        return File(csv, "text/csv; charset=utf-8", $"portfolio-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }
}
