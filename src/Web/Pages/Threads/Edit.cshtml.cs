using CommunityOfPractice.Contracts.Threads;
using System.ComponentModel.DataAnnotations;

namespace CommunityOfPractice.Web.Pages.Threads;

/// <summary>Edit one's own post, and the post's edit history (every earlier text, oldest first).</summary>
public sealed class EditModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.Body)];

    [FromRoute]
    public Guid ThreadId { get; set; }

    [FromRoute]
    public Guid PostId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PostView? Post { get; private set; }

    public IReadOnlyList<RevisionView> Revisions { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }

        Input.Body = Post?.Markdown ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await api.EditPostAsync(PostId, new EditPostRequest(Input.Body.Trim()), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = "Post saved";
                return Redirect(Url.Page("Details", new { id = ThreadId, after = Math.Max(0, result.Value.Number - 1) })! + $"#post-{result.Value.Number}");
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var post = api.GetPostAsync(PostId, cancellationToken);
        var revisions = api.ListRevisionsAsync(PostId, cancellationToken);
        await Task.WhenAll(post, revisions);
        if (((await post).Problem ?? (await revisions).Problem) is { } problem)
        {
            if (problem.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            LoadProblem = problem;
            return null;
        }

        Post = (await post).Value;
        Revisions = (await revisions).Value;
        return Post.ThreadId == ThreadId ? null : NotFound();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "A post cannot be empty; delete it instead.")]
        [StringLength(50_000, ErrorMessage = "A post has at most 50,000 characters.")]
        [Display(Name = "Your post")]
        public string Body { get; set; } = string.Empty;
    }
}
