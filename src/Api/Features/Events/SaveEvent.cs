using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>What a host fills in to create or edit an event. Times are instants (with an offset).</summary>
public sealed record EventRequest(
    string Title,
    string? Description,
    EventKind? Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? TimeZone,
    string? Venue,
    string? OnlineUrl,
    IReadOnlyList<Guid>? PlaceIds,
    FrameworkStage? Stage,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    IReadOnlyList<Guid>? CoHostIds,
    IReadOnlyList<string>? RegistrationQuestions);

public sealed class EventRequestValidator : AbstractValidator<EventRequest>
{
    public EventRequestValidator()
    {
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the event a title.")
            .MaximumLength(CommunityEvent.TitleMaxLength).WithMessage($"A title has at most {CommunityEvent.TitleMaxLength} characters.");
        RuleFor(r => r.Description).MaximumLength(CommunityEvent.DescriptionMaxLength)
            .WithMessage($"A description has at most {CommunityEvent.DescriptionMaxLength:N0} characters.");
        RuleFor(r => r.Kind).NotNull().WithMessage("Say whether this is a gathering, a webinar or hybrid.")
            .IsInEnum().WithMessage("Choose gathering, webinar or hybrid.");
        RuleFor(r => r.StartsAt).NotNull().WithMessage("Say when the event starts.");
        RuleFor(r => r.EndsAt).NotNull().WithMessage("Say when the event ends.")
            .GreaterThan(r => r.StartsAt).When(r => r.StartsAt is not null).WithMessage("The event must end after it starts.");
        RuleFor(r => r.TimeZone).Must(BeATimeZone).When(r => r.TimeZone is not null)
            .WithMessage("Use an IANA time zone name such as Europe/London.");
        RuleFor(r => r.Venue).MaximumLength(CommunityEvent.VenueMaxLength)
            .WithMessage($"A venue has at most {CommunityEvent.VenueMaxLength} characters.");
        RuleFor(r => r.OnlineUrl).MaximumLength(CommunityEvent.OnlineUrlMaxLength)
            .WithMessage($"An online link has at most {CommunityEvent.OnlineUrlMaxLength} characters.")
            .Must(BeAWebAddress).When(r => !string.IsNullOrWhiteSpace(r.OnlineUrl))
            .WithMessage("The online link must be an http or https address.");
        RuleFor(r => r.PlaceIds).Must(ids => ids is null || ids.Count <= CommunityEvent.MaxPlaces)
            .WithMessage($"Name at most {CommunityEvent.MaxPlaces} places.");
        RuleFor(r => r.Stage).IsInEnum().WithMessage("Choose one of the five framework stages.");
        RuleFor(r => r.Capacity).GreaterThanOrEqualTo(0).When(r => r.Capacity is not null)
            .WithMessage("Capacity cannot be below zero; leave it empty for no limit.");
        RuleFor(r => r.RegistrationClosesAt).GreaterThan(r => r.RegistrationOpensAt)
            .When(r => r.RegistrationOpensAt is not null && r.RegistrationClosesAt is not null)
            .WithMessage("Registration must close after it opens.");
        RuleFor(r => r.CoHostIds).Must(ids => ids is null || ids.Count <= CommunityEvent.MaxCoHosts)
            .WithMessage($"Name at most {CommunityEvent.MaxCoHosts} co-hosts.");
        RuleFor(r => r.RegistrationQuestions).Must(q => q is null || q.Count <= CommunityEvent.MaxQuestions)
            .WithMessage($"Ask at most {CommunityEvent.MaxQuestions} registration questions.");
        RuleForEach(r => r.RegistrationQuestions)
            .Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("A registration question cannot be empty.")
            .MaximumLength(CommunityEvent.QuestionMaxLength).WithMessage($"A registration question has at most {CommunityEvent.QuestionMaxLength} characters.");
    }

    private static readonly EventRequestValidator _instance = new();

    /// <summary>Reports the request's failures under its own field names (title, endsAt…), not "request.title".</summary>
    public static void Check<T>(EventRequest request, ValidationContext<T> context)
    {
        foreach (var failure in _instance.Validate(request).Errors)
        {
            context.AddFailure(failure);
        }
    }

    // IANA names only (Europe/London): calendars and other systems know them; Windows names they may not.
    private static bool BeATimeZone(string? id) => TimeZoneInfo.TryFindSystemTimeZoneById(id!, out var zone) && zone.HasIanaId;

    private static bool BeAWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>Hosts (role host, or admin) create an event as a draft; publishing makes it visible.</summary>
public static class CreateEvent
{
    public sealed record Command(Viewer Viewer, EventRequest Request) : ICommand<EventDetail>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request).Custom(EventRequestValidator.Check);
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, MarkdownRenderer markdown, TimeProvider clock)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!command.Viewer.IsHostRole && !command.Viewer.IsAdmin)
            {
                throw new ForbiddenException("Only hosts can create events.");
            }

            var id = await work.RunAsync(async () =>
            {
                var (details, places) = await EventRequests.DetailsAsync(db, markdown, command.Request, cancellationToken);
                var created = CommunityEvent.Create(details, command.Viewer.MemberId, places, clock.GetUtcNow());
                db.Events.Add(created);
                return created.Id;
            }, cancellationToken);
            return await db.EventDetailAsync(id, command.Viewer, clock, cancellationToken);
        }
    }
}

/// <summary>The event's hosts edit it. Capacity may not drop below the seats taken; a larger one promotes from the waitlist.</summary>
public static class EditEvent
{
    public sealed record Command(Viewer Viewer, Guid EventId, EventRequest Request) : ICommand<EventDetail>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request).Custom(EventRequestValidator.Check);
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, MarkdownRenderer markdown, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            await work.RunAsync(async () =>
            {
                var existing = await db.ManagedEventAsync(command.EventId, command.Viewer, cancellationToken, withPlaces: true);
                var (details, places) = await EventRequests.DetailsAsync(db, markdown, command.Request, cancellationToken);
                existing.Edit(details, places);
                var now = clock.GetUtcNow();
                while (existing.HasFreeSeat && existing.Status == EventStatus.Published)
                {
                    var waiting = await db.FirstWaitingAsync(existing.Id, cancellationToken);
                    if (waiting is null || existing.Promote(waiting, now) is null)
                    {
                        break;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("Member {MemberId} moved from the waitlist of event {EventId} after the capacity grew", waiting.MemberId, existing.Id);
                }

                return true;
            }, cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Viewer, clock, cancellationToken);
        }
    }
}

internal static class EventRequests
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
