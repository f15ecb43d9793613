using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>The event's hosts edit it. Capacity may not drop below the seats taken; a larger one promotes from the waitlist.</summary>
public static class EditEvent
{
    public sealed record Command(Caller Caller, Guid EventId, EventRequest Request) : ICommand<EventDetail>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request).Custom(EventRequestValidator.Check);
    }

    internal sealed class Handler(AppDbContext db, MarkdownRenderer markdown, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var existing = await db.ManagedEventAsync(command.EventId, command.Caller, cancellationToken, withPlaces: true);
            var (details, places) = await EventRequestDetails.DetailsAsync(db, markdown, command.Request, command.Caller, existing.HostOrganisationId, cancellationToken);
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
            await db.SaveChangesAsync(cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Caller, clock, cancellationToken);
        }
    }
}
