using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>Hosts (role host, or admin) create an event as a draft; publishing makes it visible.</summary>
public static class CreateEvent
{
    public sealed record Command(Caller Caller, EventRequest Request) : ICommand<EventDetail>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request).Custom(EventRequestValidator.Check);
    }

    internal sealed class Handler(AppDbContext db, MarkdownRenderer markdown, TimeProvider clock)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!command.Caller.IsHost && !command.Caller.IsAdmin)
            {
                throw new ForbiddenException("Only hosts can create events.");
            }

            var (details, places) = await EventRequestDetails.DetailsAsync(db, markdown, command.Request, command.Caller, null, cancellationToken);
            var created = CommunityEvent.Create(details, command.Caller.Id, places, clock.GetUtcNow());
            db.Events.Add(created);
            var id = created.Id;
            await db.SaveChangesAsync(cancellationToken);
            return await db.EventDetailAsync(id, command.Caller, clock, cancellationToken);
        }
    }
}
