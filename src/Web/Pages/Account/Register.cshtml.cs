using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Account;

/// <summary>
/// A newcomer joins. The Api owns the rules (unique email, password strength, what a join request
/// needs); the Web checks only what it alone knows (the two passwords match) and shows the Api's
/// answers next to the fields. When joining is by approval the form is also the join request
/// (organisation, places, why); an invitation link (?invitation=) skips it.
/// </summary>
public sealed class RegisterModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields =
    [
        nameof(InputModel.Email), nameof(InputModel.Password), nameof(InputModel.DisplayName), nameof(InputModel.OrganisationId),
        nameof(InputModel.ProposedOrganisationName), nameof(InputModel.PlaceIds), nameof(InputModel.Why),
    ];

    private static readonly (CommunityOfPractice.Domain.Community.PlaceKind Kind, string Heading)[] _placeGroups =
    [
        (CommunityOfPractice.Domain.Community.PlaceKind.LondonBorough, "London boroughs"),
        (CommunityOfPractice.Domain.Community.PlaceKind.LocalAuthority, "Local authorities"),
        (CommunityOfPractice.Domain.Community.PlaceKind.Neighbourhood, "Neighbourhoods"),
        (CommunityOfPractice.Domain.Community.PlaceKind.CombinedAuthority, "Combined authorities"),
        (CommunityOfPractice.Domain.Community.PlaceKind.Nation, "Nations"),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>A moderator must approve: the form asks for the join request.</summary>
    public bool AsksForJoinRequest { get; private set; }

    /// <summary>The invitation in the link, when it still works.</summary>
    public InvitationCheck? Invitation { get; private set; }

    /// <summary>Why the invitation in the link does not work (expired, used up, withdrawn).</summary>
    public string? InvitationProblem { get; private set; }

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public IReadOnlyList<(string Heading, IReadOnlyList<PlaceView> Places)> PlaceGroups { get; private set; } = [];

    public async Task OnGetAsync(string? invitation, CancellationToken cancellationToken)
    {
        Input.Invitation = string.IsNullOrWhiteSpace(invitation) ? null : invitation.Trim();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var joinRequest = AsksForJoinRequest;
        var result = await api.RegisterAsync(new RegisterMemberRequest(
            Input.Email.Trim(), Input.Password, Input.DisplayName.Trim(),
            joinRequest && Input.OrganisationId is { } organisationId ? organisationId : null,
            joinRequest && !string.IsNullOrWhiteSpace(Input.ProposedOrganisationName) ? Input.ProposedOrganisationName.Trim() : null,
            joinRequest ? Input.PlaceIds : null,
            joinRequest ? Input.Why : null,
            Invitation is null ? null : Input.Invitation), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Problem.Status == StatusCodes.Status410Gone || result.Problem.Errors.ContainsKey("invitation"))
            {
                // The link stopped working meanwhile: say so, and offer the join request instead.
                var message = result.Problem.Errors.TryGetValue("invitation", out var messages) ? string.Join(" ", messages) : result.Problem.Message;
                Input.Invitation = null;
                await LoadAsync(cancellationToken);
                InvitationProblem = message;
                ModelState.AddModelError(string.Empty, message);
                return Page();
            }

            ModelState.AddApiProblem(result.Problem, _fields);
            return Page();
        }

        TempData[SignInModel.JoinedKey] = "Your account is ready — sign in";
        TempData[SignInModel.JoinedEmailKey] = result.Value.Email;
        var next = result.Value.IsApproved ? "~/Profile" : "~" + SignInSetup.JoinRequestPath;
        return RedirectToPage("/Account/SignIn", new { ReturnUrl = Url.Content(next) });
    }

    public bool IsChosen(Guid placeId) => Input.PlaceIds.Contains(placeId);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Input.Invitation is { Length: > 0 } token)
        {
            var check = await api.CheckInvitationAsync(token, cancellationToken);
            if (check.Succeeded)
            {
                Invitation = check.Value;
            }
            else
            {
                InvitationProblem = check.Problem.IsUnavailable
                    ? "We could not check your invitation just now. Please try again in a minute."
                    : check.Problem.Message;
            }
        }

        var rules = await api.GetJoiningRulesAsync(cancellationToken);
        AsksForJoinRequest = Invitation is null && (!rules.Succeeded || rules.Value.Mode == JoiningMode.Approval);
        if (!AsksForJoinRequest)
        {
            return;
        }

        var organisations = api.GetOrganisationsAsync(cancellationToken);
        var places = await api.GetPlacesAsync(cancellationToken);
        Organisations = (await organisations) is { Succeeded: true } found ? [.. found.Value.OrderBy(o => o.Name)] : [];
        var all = places.Succeeded ? places.Value : [];
        PlaceGroups = [.. _placeGroups
            .Select(g => (g.Heading, (IReadOnlyList<PlaceView>)[.. all.Where(p => p.Kind == g.Kind).OrderBy(p => p.Name)]))
            .Append(("Other places", [.. all.Where(p => _placeGroups.All(g => g.Kind != p.Kind)).OrderBy(p => p.Name)]))
            .Where(g => g.Item2.Count > 0)];
    }

    // In the order of the form, so that the error summary reads top to bottom.
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Tell the community your name.")]
        [StringLength(MemberLimits.DisplayNameMaxLength, ErrorMessage = "A display name has at most 80 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(MemberLimits.EmailMaxLength, ErrorMessage = "An email address has at most 256 characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type your password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = string.Empty;

        [Display(Name = "Organisation")]
        public Guid? OrganisationId { get; set; }

        [Display(Name = "Or the name of an organisation not listed")]
        public string? ProposedOrganisationName { get; set; }

        public List<Guid> PlaceIds { get; set; } = [];

        [Display(Name = "Why are you joining?")]
        public string? Why { get; set; }

        public string? Invitation { get; set; }
    }
}
