using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.People;

/// <summary>A member's profile as others see it: where post authors and @mentions lead.</summary>
public sealed class DetailsModel(ApiClient api) : PageModel
{
    public MemberProfile? Member { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await api.GetMemberAsync(id, cancellationToken);
        if (member.Succeeded)
        {
            Member = member.Value;
            return Page();
        }

        if (member.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        LoadProblem = member.Problem;
        return Page();
    }
}
