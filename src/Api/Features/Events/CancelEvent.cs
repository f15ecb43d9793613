using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Api.Features.Events.Qa;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// Hosts cancel an event with a reason. Every registration keeps its row and carries the news
/// (there is no email yet): the member sees it on the event and in their registrations.
/// </summary>
public static class CancelEvent
{

    public sealed record Command(Caller Caller, Guid EventId, string Reason) : ICommand<EventDetail>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the event is cancelled; registrants will see it.")
                .MaximumLength(CommunityEvent.ReasonMaxLength).WithMessage($"A reason has at most {CommunityEvent.ReasonMaxLength} characters.");
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, Notifier notifier, IConfiguration configuration, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.ManagedEventAsync(command.EventId, command.Caller, cancellationToken);
            var qaWasOpen = found.QaOpen;
            found.Cancel(command.Reason, clock.GetUtcNow());
            if (qaWasOpen)
            {
                await live.AppendAsync(StreamNames.Qa(found.Id), QaEventKinds.QaClosed,
                    new { open = false, requiresApproval = found.QaRequiresApproval }, cancellationToken);
            }

            var told = await db.Registrations.Where(r => r.EventId == found.Id && r.Status != RegistrationStatus.Cancelled)
                .ToListAsync(cancellationToken);
            foreach (var registration in told)
            {
                registration.TellEventCancelled(found.CancellationReason!);
            }

            await notifier.NotifyRegistrantsAsync(db, found, $"“{found.Title}” is cancelled", $"The reason: {found.CancellationReason}",
                command.Caller.Id, configuration, cancellationToken);
            await EventReminders.CancelAsync(db, found.Id, cancellationToken);
            logger.LogInformation("Event {EventId} cancelled; {Count} registrants told", found.Id, told.Count);
            await db.SaveChangesAsync(cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Caller, clock, cancellationToken);
        }
    }
}
