using CommunityOfPractice.Contracts.Threads;
using System.ComponentModel.DataAnnotations;

namespace CommunityOfPractice.Web.Pages.Threads;

/// <summary>
/// A thread, rendered on the server so it reads without JavaScript; thread.js then subscribes to
/// the thread's live stream from <see cref="LastSeq"/>. A member returning lands on the first post
/// they have not read. Every form here works as a plain POST; the reply form is also sent by script
/// (<see cref="OnPostReplyAsync"/> answers JSON then) so that a reply appears without a reload.
/// </summary>
public sealed class DetailsModel(ApiClient api) : PageModel
{
    public const int PageSize = 50;

    private static readonly string[] _replyFields = [nameof(ReplyInput.Body)];

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>Show the posts after this number; absent: the first unread, or the latest page.</summary>
    [BindProperty(SupportsGet = true)]
    public int? After { get; set; }

    /// <summary>A post to quote in the reply (from a "Quote" link).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Quote { get; set; }

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    public ThreadDetail? Thread { get; private set; }

    public IReadOnlyList<PostView> Posts { get; private set; } = [];

    public long LastSeq { get; private set; }

    /// <summary>The number of the first post shown that this member had not read, if any.</summary>
    public int? FirstUnread { get; private set; }

    public int? EarlierAfter { get; private set; }

    public int? LaterAfter { get; private set; }

    /// <summary>The page ends with the thread's newest post, so live replies belong at its end.</summary>
    public bool ShowsLatest => LaterAfter is null;

    public PostView? Quoted { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Quote is { } quoteId)
        {
            Quoted = Posts.FirstOrDefault(p => p.Id == quoteId);
            Reply.QuotedPostId = Quoted?.Id;
        }

        Reply.IdempotencyKey = Guid.NewGuid().ToString("N");
        if (Thread is not null && Posts.Count > 0 && Posts[^1].Number > Thread.LastReadNumber)
        {
            // Best effort: a failure only leaves the "new replies" marker in place.
            await api.MarkReadAsync(Id, Posts[^1].Number, cancellationToken);
        }

        return Page();
    }

    /// <summary>A reply: by script (JSON in, JSON out) or as a plain form (redirect to the new post).</summary>
    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        var byScript = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (string.IsNullOrWhiteSpace(Reply.IdempotencyKey))
        {
            Reply.IdempotencyKey = Guid.NewGuid().ToString("N");
        }

        if (ModelState.IsValid)
        {
            var result = await api.ReplyAsync(Id, new ReplyRequest(Reply.Body.Trim(), Reply.QuotedPostId), Reply.IdempotencyKey, cancellationToken);
            if (result.Succeeded)
            {
                return byScript
                    ? new JsonResult(result.Value) { StatusCode = StatusCodes.Status201Created }
                    : Redirect(Url.Page("Details", new { id = Id })! + $"#post-{result.Value.Number}");
            }

            if (byScript)
            {
                return Problem(result.Problem);
            }

            ModelState.AddApiProblem(result.Problem, _replyFields, prefix: nameof(Reply));
        }
        else if (byScript)
        {
            return new BadRequestObjectResult(new ValidationProblemDetails(ModelState) { Status = StatusCodes.Status400BadRequest });
        }

        // Keep what the person wrote, with the same key: sending it again cannot post it twice.
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostReadAsync(int number, CancellationToken cancellationToken)
    {
        var result = await api.MarkReadAsync(Id, number, cancellationToken);
        return result.Succeeded ? new NoContentResult() : Problem(result.Problem);
    }

    public Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken cancellationToken) =>
        ActAsync(api.FollowAsync(Id, follow, cancellationToken), follow ? "You follow this thread" : "You no longer follow this thread");

    public Task<IActionResult> OnPostModerateAsync(string change, CancellationToken cancellationToken) =>
        ActAsync(api.ModerateThreadAsync(Id, change, cancellationToken), change switch
        {
            "lock" => "Thread locked: no new replies",
            "unlock" => "Thread unlocked",
            "pin" => "Thread pinned to the top of lists",
            _ => "Thread unpinned",
        });

    public async Task<IActionResult> OnPostHideAsync(Guid postId, int number, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Error"] = "Say why the post is hidden; its author will see the reason.";
            return RedirectToPost(number);
        }

        return await ActAsync(api.HidePostAsync(postId, reason.Trim(), cancellationToken), "Post hidden", number);
    }

    public Task<IActionResult> OnPostUnhideAsync(Guid postId, int number, CancellationToken cancellationToken) =>
        ActAsync(api.UnhidePostAsync(postId, cancellationToken), "Post shown again", number);

    public Task<IActionResult> OnPostDeleteAsync(Guid postId, int number, CancellationToken cancellationToken) =>
        ActAsync(api.DeletePostAsync(postId, cancellationToken), "Post removed", number);

    private async Task<IActionResult> ActAsync(Task<ApiResult<NoContent>> call, string done, int? number = null)
    {
        var result = await call;
        if (result.Succeeded)
        {
            TempData["Status"] = done;
        }
        else
        {
            TempData["Error"] = result.Problem.Message;
        }

        return RedirectToPost(number);
    }

    private RedirectResult RedirectToPost(int? number) =>
        Redirect(Url.Page("Details", new { id = Id, after = number is { } n ? Math.Max(0, n - 1) : (int?)null })!
            + (number is { } anchor ? $"#post-{anchor}" : string.Empty));

    // The Api's problem, passed on to the script as it came (field errors included).
    private static ObjectResult Problem(ApiProblem problem) => new(new ValidationProblemDetails(problem.Errors.ToDictionary(e => e.Key, e => e.Value))
    {
        Status = problem.Status,
        Title = problem.Title,
        Detail = problem.Detail,
    })
    { StatusCode = problem.Status };

    /// <summary>Loads the thread and a page of its posts; a 404 result when there is no such thread.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var thread = await api.GetThreadAsync(Id, cancellationToken);
        if (!thread.Succeeded)
        {
            if (thread.Problem.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            LoadProblem = thread.Problem;
            return null;
        }

        Thread = thread.Value;
        var after = After ?? StartingPoint(Thread);
        var posts = await api.ListPostsAsync(Id, after, PageSize, cancellationToken);
        if (!posts.Succeeded)
        {
            LoadProblem = posts.Problem;
            return null;
        }

        Posts = posts.Value.Items;
        LastSeq = posts.Value.LastSeq;
        LaterAfter = posts.Value.Next;
        EarlierAfter = after > 0 ? Math.Max(0, after - PageSize) : null;
        FirstUnread = Thread.LastReadNumber > 0 ? Posts.FirstOrDefault(p => p.Number > Thread.LastReadNumber)?.Number : null;
        return null;
    }

    // First visit: from the start. Unread posts: from the last one read (for context). All read: the latest page.
    private static int StartingPoint(ThreadDetail thread) => thread.LastReadNumber switch
    {
        0 => 0,
        var read when read < thread.PostCount => Math.Max(0, read - 1),
        _ => Math.Max(0, thread.PostCount - PageSize),
    };

    public sealed class ReplyInput
    {
        [Required(ErrorMessage = "Write your reply first.")]
        [StringLength(50_000, ErrorMessage = "A reply has at most 50,000 characters.")]
        [Display(Name = "Your reply")]
        public string Body { get; set; } = string.Empty;

        public Guid? QuotedPostId { get; set; }

        /// <summary>Made when the form is drawn, so sending it twice posts once.</summary>
        public string IdempotencyKey { get; set; } = string.Empty;
    }
}

/// <summary>What _Post needs: the post, and what this reader may do with it.</summary>
public sealed record PostModel(PostView Post, bool CanReply, bool CanModerate, bool Unread);
