using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Places;

/// <summary>
/// One place's page: what is tagged to it (and to the places inside it), the organisations
/// there at their current stage and how they spread over the stages. One stage filter in the URL
/// narrows it all, so a funder can share "Southwark at Connection".
/// </summary>
public sealed class DetailsModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    public PlaceDetail? Place { get; private set; }

    public IReadOnlyList<StageView> Stages { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Stage = string.IsNullOrWhiteSpace(Stage) ? null : Stage.Trim();
        var place = api.GetPlaceAsync(slug, Stage, cancellationToken);
        var stages = api.GetStagesAsync(cancellationToken);
        await Task.WhenAll(place, stages);

        Stages = (await stages).Succeeded ? [.. (await stages).Value.OrderBy(s => s.Order)] : [];
        var result = await place;
        if (result.Succeeded)
        {
            Place = result.Value;
            return Page();
        }

        if (result.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        LoadProblem = result.Problem;
        return Page();
    }

    /// <summary>
    /// The discussions, events and papers as this reader may see them now: what the page's script
    /// swaps in when the place's stream says something arrived (so the stream itself never decides
    /// what a reader sees).
    /// </summary>
    public async Task<IActionResult> OnGetContentAsync(string slug, CancellationToken cancellationToken)
    {
        Stage = string.IsNullOrWhiteSpace(Stage) ? null : Stage.Trim();
        var result = await api.GetPlaceAsync(slug, Stage, cancellationToken);
        return result.Succeeded ? Partial("_PlaceContent", result.Value) : StatusCode(result.Problem.Status);
    }
}
