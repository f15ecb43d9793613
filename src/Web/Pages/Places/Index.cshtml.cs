using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Places;

/// <summary>Every place with how much goes on there, so people find the busy ones; the filter lives in the URL.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int QueryMaxLength = 100;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        var result = await api.ListPlacesAsync(Q, cancellationToken);
        if (result.Succeeded)
        {
            Places = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }
}
