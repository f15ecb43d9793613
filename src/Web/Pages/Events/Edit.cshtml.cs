using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Events;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Events;

/// <summary>Hosts create an event (saved as a draft) or edit one. Times are typed as wall-clock times in the chosen zone.</summary>
[Authorize]
public sealed class EditModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields =
    [
        nameof(InputModel.Title), nameof(InputModel.Description), nameof(InputModel.Kind), nameof(InputModel.StartsAt),
        nameof(InputModel.EndsAt), nameof(InputModel.TimeZone), nameof(InputModel.Venue), nameof(InputModel.OnlineUrl),
        nameof(InputModel.Capacity), nameof(InputModel.RegistrationOpensAt), nameof(InputModel.RegistrationClosesAt), nameof(InputModel.RegistrationQuestions),
        nameof(InputModel.PlaceIds), nameof(InputModel.Stage), nameof(InputModel.HostOrganisationId),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    /// <summary>The organisations to choose a host from; the Api accepts only one the person belongs to.</summary>
    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadPlacesAsync(cancellationToken);
        if (Id is not { } id)
        {
            var start = DateTime.UtcNow.Date.AddDays(14).AddHours(12).AddMinutes(30);
            Input = new InputModel { StartsAt = start, EndsAt = start.AddMinutes(90) };
            return;
        }

        var found = await api.GetEventAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            LoadProblem = found.Problem;
            return;
        }

        var e = found.Value;
        Input = new InputModel
        {
            Title = e.Title,
            Description = e.DescriptionMarkdown,
            Kind = e.Kind.ToString(),
            StartsAt = EventText.InZone(e.StartsAt, e.TimeZone).DateTime,
            EndsAt = EventText.InZone(e.EndsAt, e.TimeZone).DateTime,
            TimeZone = e.TimeZone,
            Venue = e.Venue,
            OnlineUrl = e.OnlineUrl,
            Capacity = e.Capacity,
            RegistrationOpensAt = e.RegistrationOpensAt is { } opens ? EventText.InZone(opens, e.TimeZone).DateTime : null,
            RegistrationClosesAt = e.RegistrationClosesAt is { } closes ? EventText.InZone(closes, e.TimeZone).DateTime : null,
            RegistrationQuestions = string.Join('\n', e.RegistrationQuestions),
            PlaceIds = [.. e.Places.Select(p => p.Id)],
            Stage = e.Stage?.ToString(),
            HostOrganisationId = e.HostOrganisation?.Id,
        };
        Input.CoHosts = string.Join(' ', await HandlesAsync(e.CoHosts, cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var coHostIds = await ResolveCoHostsAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            var zone = EventText.TimeZones.Contains(Input.TimeZone) ? Input.TimeZone : EventText.DefaultTimeZone;
            var request = new EventRequest(
                Input.Title ?? string.Empty, Input.Description, Enum.TryParse<Domain.Events.EventKind>(Input.Kind, out var kind) ? kind : null,
                EventText.ToInstant(Input.StartsAt!.Value, zone), EventText.ToInstant(Input.EndsAt!.Value, zone), zone,
                Input.Venue, Input.OnlineUrl, Input.PlaceIds, Enum.TryParse<Domain.Community.FrameworkStage>(Input.Stage, out var stage) ? stage : null, Input.Capacity,
                Input.RegistrationOpensAt is { } opens ? EventText.ToInstant(opens, zone) : null,
                Input.RegistrationClosesAt is { } closes ? EventText.ToInstant(closes, zone) : null, coHostIds,
                [.. (Input.RegistrationQuestions ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                Input.HostOrganisationId);
            var result = Id is { } id
                ? await api.EditEventAsync(id, request, cancellationToken)
                : await api.CreateEventAsync(request, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = Id is null ? "Event saved as a draft. Publish it when it is ready." : "Event saved";
                return Redirect($"/Events/{result.Value.Id}");
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        await LoadPlacesAsync(cancellationToken);
        return Page();
    }

    // Co-hosts are named by handle (@amara-okafor), as mentions are: hosts need no member directory.
    private async Task<List<Guid>> ResolveCoHostsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var handles = (Input.CoHosts ?? string.Empty)
            .Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.TrimStart('@')).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var handle in handles)
        {
            var member = await api.FindMemberByHandleAsync(handle, cancellationToken);
            if (member.Succeeded)
            {
                ids.Add(member.Value.Id);
            }
            else
            {
                ModelState.AddModelError("Input.CoHosts", member.Problem.Status == StatusCodes.Status404NotFound
                    ? $"No member has the handle @{handle}. A handle is shown on each member's profile page."
                    : member.Problem.Message);
            }
        }

        return ids;
    }

    private async Task<IEnumerable<string>> HandlesAsync(IReadOnlyList<AuthorRef> people, CancellationToken cancellationToken)
    {
        var profiles = await Task.WhenAll(people.Select(p => api.GetMemberAsync(p.Id, cancellationToken)));
        return profiles.Where(p => p.Succeeded).Select(p => "@" + p.Value.Handle);
    }

    private async Task LoadPlacesAsync(CancellationToken cancellationToken)
    {
        var places = api.GetPlacesAsync(cancellationToken);
        var organisations = api.GetOrganisationsAsync(cancellationToken);
        await Task.WhenAll(places, organisations);
        Places = (await places).Succeeded ? [.. (await places).Value.OrderBy(p => p.Name)] : [];
        Organisations = (await organisations).Succeeded ? (await organisations).Value : [];
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the event a title.")]
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string Kind { get; set; } = "Webinar";

        [Required(ErrorMessage = "Say when the event starts.")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "Say when the event ends.")]
        public DateTime? EndsAt { get; set; }

        public string TimeZone { get; set; } = EventText.DefaultTimeZone;

        public string? Venue { get; set; }

        public string? OnlineUrl { get; set; }

        public int? Capacity { get; set; }

        public DateTime? RegistrationOpensAt { get; set; }

        public DateTime? RegistrationClosesAt { get; set; }

        public string? RegistrationQuestions { get; set; }

        public List<Guid> PlaceIds { get; set; } = [];

        public string? Stage { get; set; }

        /// <summary>The organisation hosting the event, if any: one the person belongs to.</summary>
        public Guid? HostOrganisationId { get; set; }

        /// <summary>Handles such as "@amara-okafor @kwame-mensah"; the event's own host need not be listed.</summary>
        public string? CoHosts { get; set; }
    }
}
