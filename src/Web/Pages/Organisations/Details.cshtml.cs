using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>
/// An organisation's page: its profile, people, its journey in each place as a timeline, its
/// papers and the events it hosts. Members say "I work here" from it; its admins (and the
/// community's moderators) approve or decline those claims here too. Every action is a form post.
/// </summary>
public sealed class DetailsModel(ApiClient api) : PageModel
{
    public OrganisationDetail? Organisation { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await api.GetOrganisationAsync(slug, cancellationToken);
        if (result.Succeeded)
        {
            Organisation = result.Value;
            return Page();
        }

        if (result.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        LoadProblem = result.Problem;
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(string slug, Guid organisationId, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var result = await api.ClaimMembershipAsync(organisationId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = result.Value.Status == Domain.Community.MembershipStatus.Approved
                ? "You are already a member of this organisation."
                : "Thank you. One of the organisation's admins will confirm that you work here.";
        }
        else
        {
            TempData["Error"] = result.Problem.Message;
        }

        return Redirect($"/organisations/{Uri.EscapeDataString(slug)}#people");
    }

    public async Task<IActionResult> OnPostDecideAsync(string slug, Guid organisationId, Guid memberId, string? memberName, bool approve, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var result = await api.DecideMembershipAsync(organisationId, memberId, approve, cancellationToken);
        var who = string.IsNullOrWhiteSpace(memberName) ? "The member" : memberName;
        if (result.Succeeded)
        {
            TempData["Status"] = approve ? $"{who} is now listed as a member of the organisation." : $"{who}'s claim was declined.";
        }
        else
        {
            TempData["Error"] = result.Problem.Message;
        }

        return Redirect($"/organisations/{Uri.EscapeDataString(slug)}#claims");
    }
}
