using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Threads;
using System.ComponentModel.DataAnnotations;

namespace CommunityOfPractice.Web.Pages.Threads;

/// <summary>Start a thread: title, Markdown body (hashtags in it become topics), places and a stage.</summary>
public sealed class NewModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.Title), nameof(InputModel.Body), nameof(InputModel.PlaceIds), nameof(InputModel.Stage)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public IReadOnlyList<StageView> Stages { get; private set; } = [];

    public async Task OnGetAsync(string? tag, CancellationToken cancellationToken)
    {
        Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        if (!string.IsNullOrWhiteSpace(tag))
        {
            Input.Body = $"\n\n#{tag.Trim().TrimStart('#')}";
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.IdempotencyKey))
        {
            Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        }

        if (ModelState.IsValid)
        {
            var result = await api.StartThreadAsync(
                new StartThreadRequest(Input.Title.Trim(), Input.Body.Trim(), Input.PlaceIds.Distinct().ToList(), Enum.TryParse<Domain.Community.FrameworkStage>(Input.Stage, out var stage) ? stage : null),
                Input.IdempotencyKey, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = "Thread started";
                return RedirectToPage("Details", new { id = result.Value.Id });
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var places = api.GetPlacesAsync(cancellationToken);
        var stages = api.GetStagesAsync(cancellationToken);
        await Task.WhenAll(places, stages);
        Places = (await places).Succeeded ? [.. (await places).Value.OrderBy(p => p.Name)] : [];
        Stages = (await stages).Succeeded ? [.. (await stages).Value.OrderBy(s => s.Order)] : [];
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the thread a title.")]
        [StringLength(200, ErrorMessage = "A title has at most 200 characters.")]
        public string Title { get; set; } = string.Empty;

        [Required(ErrorMessage = "Write the first post.")]
        [StringLength(50_000, ErrorMessage = "A post has at most 50,000 characters.")]
        [Display(Name = "First post")]
        public string Body { get; set; } = string.Empty;

        [Display(Name = "Places")]
        public List<Guid> PlaceIds { get; set; } = [];

        [Display(Name = "Framework stage")]
        public string? Stage { get; set; }

        public string IdempotencyKey { get; set; } = string.Empty;
    }
}
