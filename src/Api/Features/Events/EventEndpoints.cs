using System.Security.Claims;
using System.Text;
using CommunityOfPractice.Api.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Events;

public static class EventEndpoints
{
    public static void MapEventEndpoints(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events").RequireAuthorization();

        events.MapGet("/", async Task<Ok<IReadOnlyList<EventSummary>>> (
                EventWhen? when, string? tag, Guid? placeId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListEvents.Query(Viewer.From(user), when ?? EventWhen.Upcoming, tag, placeId), cancellationToken)))
            .WithSummary("Upcoming events soonest first (when=Past: latest first); drafts only to their hosts");

        events.MapPost("/", async Task<Created<EventDetail>> (EventRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var created = await sender.Send(new CreateEvent.Command(Viewer.From(user), body), cancellationToken);
                return TypedResults.Created($"/api/v1/events/{created.Id}", created);
            })
            .WithSummary("Create a draft event (hosts and admins)")
            .ProducesValidationProblem();

        events.MapGet("/{eventId:guid}", async Task<Ok<EventDetail>> (Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetEvent.Query(Viewer.From(user), eventId), cancellationToken)))
            .WithSummary("An event; the online link only to registered people and hosts");

        events.MapPut("/{eventId:guid}", async Task<Ok<EventDetail>> (
                Guid eventId, EventRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new EditEvent.Command(Viewer.From(user), eventId, body), cancellationToken)))
            .WithSummary("Edit an event (its hosts)")
            .ProducesValidationProblem();

        events.MapPost("/{eventId:guid}/publish", async Task<Ok<EventDetail>> (Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new PublishEvent.Command(Viewer.From(user), eventId), cancellationToken)))
            .WithSummary("Publish a draft; its discussion thread opens");

        events.MapPost("/{eventId:guid}/cancel", async Task<Ok<EventDetail>> (
                Guid eventId, CancelEvent.Request body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CancelEvent.Command(Viewer.From(user), eventId, body.Reason), cancellationToken)))
            .WithSummary("Cancel an event with a reason registrants will see")
            .ProducesValidationProblem();

        events.MapPut("/{eventId:guid}/registration", async Task<Ok<MyRegistration>> (
                Guid eventId, RegisterForEvent.Request? body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(
                    new RegisterForEvent.Command(Viewer.From(user), eventId, body?.Answers ?? [], body?.ListMe ?? false), cancellationToken)))
            .WithSummary("Register: a seat while there is one, else the waitlist")
            .ProducesValidationProblem();

        events.MapGet("/{eventId:guid}/registration", async Task<Results<Ok<MyRegistration>, NoContent>> (
                Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var detail = await sender.Send(new GetEvent.Query(Viewer.From(user), eventId), cancellationToken);
                return detail.MyRegistration is { } mine ? TypedResults.Ok(mine) : TypedResults.NoContent();
            })
            .WithSummary("My registration for the event (204 when none)");

        events.MapDelete("/{eventId:guid}/registration", async Task<Ok<MyRegistration>> (
                Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CancelRegistration.Command(Viewer.From(user), eventId), cancellationToken)))
            .WithSummary("Cancel my registration; the first person waiting takes the seat");

        events.MapGet("/{eventId:guid}/attendance", async Task<Ok<Attendance>> (Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetAttendance.Query(Viewer.From(user), eventId), cancellationToken)))
            .WithSummary("Who is coming: counts by place and organisation, and the names of those who chose to be listed");

        events.MapGet("/{eventId:guid}/attendees", async Task<Ok<IReadOnlyList<AttendeeRow>>> (
                Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListAttendees.Query(Viewer.From(user), eventId), cancellationToken)))
            .WithSummary("The attendee list with answers (hosts)");

        events.MapGet("/{eventId:guid}/attendees.csv", async Task<FileContentHttpResult> (
                Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var viewer = Viewer.From(user);
                var rows = await sender.Send(new ListAttendees.Query(viewer, eventId), cancellationToken);
                var detail = await sender.Send(new GetEvent.Query(viewer, eventId), cancellationToken);
                return TypedResults.File(Encoding.UTF8.GetBytes(AttendeeCsv.Write(rows, detail.RegistrationQuestions)), AttendeeCsv.ContentType, "attendees.csv");
            })
            .WithSummary("The attendee list as CSV, formula-injection safe (hosts)");

        events.MapGet("/{eventId:guid}/calendar.ics", async Task<FileContentHttpResult> (
                Guid eventId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new GetEventCalendar.Query(Viewer.From(user), eventId), cancellationToken)),
                    EventCalendar.ContentType, "event.ics"))
            .WithSummary("The event as an iCalendar file");

        api.MapPost("/me/calendar-feed", async Task<Ok<CalendarFeeds.FeedAddress>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CalendarFeeds.Rotate(user.MemberId()), cancellationToken)))
            .RequireAuthorization()
            .WithTags("Events")
            .WithSummary("A new secret address of my calendar feed (the old one stops working)");

        // Calendar apps cannot sign in: the secret token in the address is the credential.
        api.MapGet("/calendar/{token}.ics", async Task<FileContentHttpResult> (string token, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new CalendarFeeds.Read(token), cancellationToken)),
                    EventCalendar.ContentType, "events.ics"))
            .AllowAnonymous()
            .WithTags("Events")
            .WithSummary("My events as an iCalendar feed, by secret address");
    }
}
