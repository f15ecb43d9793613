using System.Text;
using CommunityOfPractice.Contracts.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Events;

public static class EventEndpoints
{
    public static void MapEventEndpoints(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events").RequireAuthorization();

        events.MapGet("/", async Task<Ok<IReadOnlyList<EventSummary>>> (
                EventWhen? when, string? tag, Guid? placeId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListEvents.Query(caller, when ?? EventWhen.Upcoming, tag, placeId), cancellationToken)))
            .WithName(nameof(ListEvents))
            .WithSummary("Upcoming events soonest first (when=Past: latest first); drafts only to their hosts")
            .ProducesValidationProblem();

        events.MapPost("/", async Task<Created<EventDetail>> (EventRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var created = await sender.Send(new CreateEvent.Command(caller, body), cancellationToken);
                return TypedResults.Created($"/api/v1/events/{created.Id}", created);
            })
            .WithName(nameof(CreateEvent))
            .WithSummary("Create a draft event (hosts and admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        events.MapGet("/{eventId:guid}", async Task<Ok<EventDetail>> (Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetEvent.Query(caller, eventId), cancellationToken)))
            .WithName(nameof(GetEvent))
            .WithSummary("An event; the online link only to registered people and hosts")
            .ProducesProblem(StatusCodes.Status404NotFound);

        events.MapPut("/{eventId:guid}", async Task<Ok<EventDetail>> (
                Guid eventId, EventRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new EditEvent.Command(caller, eventId, body), cancellationToken)))
            .WithName(nameof(EditEvent))
            .WithSummary("Edit an event (its hosts)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        events.MapPost("/{eventId:guid}/publish", async Task<Ok<EventDetail>> (Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new PublishEvent.Command(caller, eventId), cancellationToken)))
            .WithName(nameof(PublishEvent))
            .WithSummary("Publish a draft; its discussion thread opens")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        events.MapPost("/{eventId:guid}/cancel", async Task<Ok<EventDetail>> (
                Guid eventId, CancelEventRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CancelEvent.Command(caller, eventId, body.Reason), cancellationToken)))
            .WithName(nameof(CancelEvent))
            .WithSummary("Cancel an event with a reason registrants will see")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        events.MapPut("/{eventId:guid}/registration", async Task<Ok<MyRegistration>> (
                Guid eventId, RegisterForEventRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(
                    new RegisterForEvent.Command(caller, eventId, body?.Answers ?? [], body?.ListMe ?? false), cancellationToken)))
            .WithName(nameof(RegisterForEvent))
            .WithSummary("Register: a seat while there is one, else the waitlist")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        events.MapGet("/{eventId:guid}/registration", async Task<Results<Ok<MyRegistration>, NoContent>> (
                Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var detail = await sender.Send(new GetEvent.Query(caller, eventId), cancellationToken);
                return detail.MyRegistration is { } mine ? TypedResults.Ok(mine) : TypedResults.NoContent();
            })
            .WithName("GetMyRegistration")
            .WithSummary("My registration for the event (204 when none)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        events.MapDelete("/{eventId:guid}/registration", async Task<Ok<MyRegistration>> (
                Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CancelRegistration.Command(caller, eventId), cancellationToken)))
            .WithName(nameof(CancelRegistration))
            .WithSummary("Cancel my registration; the first person waiting takes the seat")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        events.MapGet("/{eventId:guid}/attendance", async Task<Ok<Attendance>> (Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetAttendance.Query(caller, eventId), cancellationToken)))
            .WithName(nameof(GetAttendance))
            .WithSummary("Who is coming: counts by place and organisation, and the names of those who chose to be listed")
            .ProducesProblem(StatusCodes.Status404NotFound);

        events.MapGet("/{eventId:guid}/attendees", async Task<Ok<IReadOnlyList<AttendeeRow>>> (
                Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListAttendees.Query(caller, eventId), cancellationToken)))
            .WithName(nameof(ListAttendees))
            .WithSummary("The attendee list with answers (hosts)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        events.MapGet("/{eventId:guid}/attendees.csv", async Task<FileContentHttpResult> (
                Guid eventId, Caller caller, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
            {
                var rows = await sender.Send(new ListAttendees.Query(caller, eventId), cancellationToken);
                var detail = await sender.Send(new GetEvent.Query(caller, eventId), cancellationToken);

                // People's names and addresses: no cache, shared or private, keeps a copy.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(Encoding.UTF8.GetBytes(AttendeeCsv.Write(rows, detail.RegistrationQuestions)), AttendeeCsv.ContentType, "attendees.csv");
            })
            .WithName("ExportAttendees")
            .Produces(StatusCodes.Status200OK, contentType: AttendeeCsv.ContentType)
            .WithSummary("The attendee list as CSV, formula-injection safe (hosts)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        events.MapGet("/{eventId:guid}/calendar.ics", async Task<FileContentHttpResult> (
                Guid eventId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new GetEventCalendar.Query(caller, eventId), cancellationToken)),
                    EventCalendar.ContentType, "event.ics"))
            .WithName(nameof(GetEventCalendar))
            .Produces(StatusCodes.Status200OK, contentType: EventCalendar.ContentType)
            .WithSummary("The event as an iCalendar file")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/me/calendar-feed", async Task<Ok<CalendarFeedAddress>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new RotateCalendarFeed.Command(caller), cancellationToken)))
            .RequireAuthorization()
            .WithTags("Events")
            .WithName(nameof(RotateCalendarFeed))
            .WithSummary("A new secret address of my calendar feed (the old one stops working)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        // Calendar apps cannot sign in: the secret token in the address is the credential.
        api.MapGet("/calendar/{token}.ics", async Task<FileContentHttpResult> (string token, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new ReadCalendarFeed.Query(token), cancellationToken)),
                    EventCalendar.ContentType, "events.ics"))
            .AllowAnonymous()
            .WithTags("Events")
            .WithName(nameof(ReadCalendarFeed))
            .Produces(StatusCodes.Status200OK, contentType: EventCalendar.ContentType)
            .WithSummary("My events as an iCalendar feed, by secret address")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
