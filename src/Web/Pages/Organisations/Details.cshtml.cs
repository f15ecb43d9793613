using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>
/// An organisation's page: its profile, people, its journey in each place as a timeline, its
/// papers and the events it hosts. Members say "I work here" from it; its admins (and the
/// community's moderators) approve or decline those claims here too. Every action is a form post.
/// </summary>
public sealed class DetailsModel(ApiClient api) : PageModel
{
    private const string InvitationLinkKey = "OrganisationInvitationLink";

    public OrganisationDetail? Organisation { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    /// <summary>The invitation link just made by an org admin: shown this once (only its hash is kept).</summary>
    public string? NewInvitationLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        NewInvitationLink = TempData[InvitationLinkKey] as string;
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

    /// <summary>
    /// An org admin invites people to the organisation: whoever registers through the link is a
    /// member at once and belongs to it (the Api refuses anyone who is not its admin or a moderator).
    /// </summary>
    public async Task<IActionResult> OnPostInviteAsync(string slug, Guid organisationId, int validForDays, int maxUses, CancellationToken cancellationToken)
    {
        var result = await api.CreateInvitationAsync(new CreateInvitationRequest(validForDays, maxUses, organisationId), cancellationToken);
        if (result.Succeeded)
        {
            TempData[InvitationLinkKey] = Url.PageLink("/Account/Register", values: new { invitation = result.Value.Token });
            TempData["Status"] = "Invitation made. Copy its link now: it is not shown again.";
        }
        else
        {
            TempData["Error"] = result.Problem.Errors.Count > 0 ? string.Join(" ", result.Problem.Errors.SelectMany(e => e.Value)) : result.Problem.Message;
        }

        return Redirect($"/organisations/{Uri.EscapeDataString(slug)}#invite-heading");
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
