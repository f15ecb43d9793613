using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>Turns a host's request into the domain's details: the places looked up, the description rendered.</summary>
internal static class EventRequestDetails
{
    /// <param name="currentHostOrganisationId">The organisation hosting the event before this edit (null on create): keeping it needs no membership.</param>
    public static async Task<(EventDetails Details, List<Place> Places)> DetailsAsync(
        AppDbContext db, MarkdownRenderer markdown, EventRequest request, Caller caller, Guid? currentHostOrganisationId, CancellationToken cancellationToken)
    {
        var placeIds = (request.PlaceIds ?? []).Distinct().ToList();
        var places = await db.Places.Where(p => placeIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (places.Count != placeIds.Count)
        {
            throw new ValidationException([new ValidationFailure("PlaceIds", "Choose places from the list; one of them does not exist.")]);
        }

        var coHostIds = (request.CoHostIds ?? []).Distinct().ToList();
        if (await db.Members.CountAsync(m => coHostIds.Contains(m.Id), cancellationToken) != coHostIds.Count)
        {
            throw new ValidationException([new ValidationFailure("CoHostIds", "Choose co-hosts from the community; one of them is not a member.")]);
        }

        await CheckHostOrganisationAsync(db, request.HostOrganisationId, caller, currentHostOrganisationId, cancellationToken);

        var description = request.Description ?? string.Empty;
        var details = new EventDetails(
            request.Title, description, markdown.ToHtml(description), request.Kind!.Value, request.StartsAt!.Value, request.EndsAt!.Value,
            request.TimeZone ?? CommunityEvent.DefaultTimeZone, request.Venue, request.OnlineUrl, request.Stage, request.Capacity,
            request.RegistrationOpensAt, request.RegistrationClosesAt, coHostIds, request.RegistrationQuestions ?? [], request.HostOrganisationId);
        return (details, places);
    }

    /// <summary>
    /// An event is hosted by an organisation only if whoever sets it belongs to it (an approved
    /// member) or is a site admin; an unknown organisation, or one the person does not belong to,
    /// is a 400 on the field: the event may be saved, just not with that choice. Keeping the host
    /// organisation it already has is always allowed, so a co-host from elsewhere can still edit it.
    /// </summary>
    private static async Task CheckHostOrganisationAsync(
        AppDbContext db, Guid? organisationId, Caller caller, Guid? current, CancellationToken cancellationToken)
    {
        if (organisationId is not { } id || id == current)
        {
            return;
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("HostOrganisationId", "Choose the hosting organisation from the list; that one does not exist.")]);
        }

        var memberId = caller.Id;
        if (!caller.IsAdmin && !await db.OrganisationMemberships.AnyAsync(
                m => m.OrganisationId == id && m.MemberId == memberId && m.Status == MembershipStatus.Approved, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("HostOrganisationId", "Choose an organisation you belong to (an approved member of it) to host the event.")]);
        }
    }

    public static Task<Registration?> FirstWaitingAsync(this AppDbContext db, Guid eventId, CancellationToken cancellationToken) =>
        db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.ArrivalNumber).FirstOrDefaultAsync(cancellationToken);
}
