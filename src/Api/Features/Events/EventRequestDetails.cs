using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>Turns a host's request into the domain's details: the places looked up, the description rendered.</summary>
internal static class EventRequestDetails
{
    public static async Task<(EventDetails Details, List<Place> Places)> DetailsAsync(
        AppDbContext db, MarkdownRenderer markdown, EventRequest request, CancellationToken cancellationToken)
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

        var description = request.Description ?? string.Empty;
        var details = new EventDetails(
            request.Title, description, markdown.ToHtml(description), request.Kind!.Value, request.StartsAt!.Value, request.EndsAt!.Value,
            request.TimeZone ?? CommunityEvent.DefaultTimeZone, request.Venue, request.OnlineUrl, request.Stage, request.Capacity,
            request.RegistrationOpensAt, request.RegistrationClosesAt, coHostIds, request.RegistrationQuestions ?? []);
        return (details, places);
    }

    public static Task<Registration?> FirstWaitingAsync(this AppDbContext db, Guid eventId, CancellationToken cancellationToken) =>
        db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.ArrivalNumber).FirstOrDefaultAsync(cancellationToken);
}
