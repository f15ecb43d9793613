using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Web.Pages.Threads;

/// <summary>
/// Discussions by latest activity, pinned first, and the lists by hashtag (<c>?tag=</c>; a tag's
/// own page across threads, events and papers is <c>/tags/{tag}</c>), place, stage and followed threads: the filters live in the URL, so a list can be shared.
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Followed { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];

    public string? Next { get; private set; }

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public IReadOnlyList<StageView> Stages { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Tag) || Place is not null || !string.IsNullOrEmpty(Stage) || Followed;

    public string Heading => !string.IsNullOrWhiteSpace(Tag) ? $"#{Tag.TrimStart('#')}" : Followed ? "Threads you follow" : "Discussions";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tag = Tag?.Trim().TrimStart('#');
        var threads = api.ListThreadsAsync(new ThreadFilter(Tag, Place, Stage, Followed, After), PageSize, cancellationToken);
        var places = api.GetPlacesAsync(cancellationToken);
        var stages = api.GetStagesAsync(cancellationToken);
        await Task.WhenAll(threads, places, stages);

        Places = (await places).Succeeded ? [.. (await places).Value.OrderBy(p => p.Name)] : [];
        Stages = (await stages).Succeeded ? [.. (await stages).Value.OrderBy(s => s.Order)] : [];
        if ((await threads).Problem is { } problem)
        {
            LoadProblem = problem;
            return;
        }

        Threads = (await threads).Value.Items;
        Next = (await threads).Value.Next;
    }

    /// <summary>This list's address with other filter values (null drops a filter), always from the first page.</summary>
    public string Link(string? tag = "", Guid? place = null, string? stage = "", bool? followed = null, string? after = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["tag"] = tag == string.Empty ? Tag : tag,
            ["place"] = (place ?? Place)?.ToString(),
            ["stage"] = stage == string.Empty ? Stage : stage,
            ["followed"] = (followed ?? Followed) ? "true" : null,
            ["after"] = after,
        };
        return "/Threads" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
