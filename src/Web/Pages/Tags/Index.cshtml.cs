using CommunityOfPractice.Contracts.Tags;

namespace CommunityOfPractice.Web.Pages.Tags;

/// <summary>A hashtag's page (/tags/PowerofPlace, any case): the threads, events and papers that carry it, as far as the reader may see them.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Tag { get; set; } = string.Empty;

    public TagPage? Tagged { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetTagAsync(Tag, cancellationToken);
        if (result.Succeeded)
        {
            Tagged = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }
}
