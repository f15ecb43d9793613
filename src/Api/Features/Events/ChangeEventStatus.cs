using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// Hosts publish a draft (members can then see it and register). Publishing also opens the
/// event's discussion thread, so people can talk before and after.
/// </summary>
public static class PublishEvent
{
    public sealed record Command(Viewer Viewer, Guid EventId) : ICommand<EventDetail>;

    internal sealed class Handler(AppDbContext db, UnitOfWork work, MarkdownRenderer markdown, TimeProvider clock)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            await work.RunAsync(async () =>
            {
                var found = await db.ManagedEventAsync(command.EventId, command.Viewer, cancellationToken, withPlaces: true);
                var now = clock.GetUtcNow();
                found.Publish(now);
                if (found.ThreadId is null)
                {
                    var opening = $"Talk about **{found.Title}** here, before and after the event.";
                    var thread = DiscussionThread.Start(found.Title, opening, found.HostId, [.. found.Places], found.Stage, now);
                    var post = Post.Write(thread.Id, 1, found.HostId, opening, markdown.ToHtml(opening), null, now);
                    db.AddRange(thread, post);
                    found.AttachThread(thread.Id);
                }

                return true;
            }, cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Viewer, clock, cancellationToken);
        }
    }
}

/// <summary>
/// Hosts cancel an event with a reason. Every registration keeps its row and carries the news
/// (there is no email yet): the member sees it on the event and in their registrations.
/// </summary>
public static class CancelEvent
{
    public sealed record Request(string Reason);

    public sealed record Command(Viewer Viewer, Guid EventId, string Reason) : ICommand<EventDetail>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the event is cancelled; registrants will see it.")
                .MaximumLength(CommunityEvent.ReasonMaxLength).WithMessage($"A reason has at most {CommunityEvent.ReasonMaxLength} characters.");
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            await work.RunAsync(async () =>
            {
                var found = await db.ManagedEventAsync(command.EventId, command.Viewer, cancellationToken);
                var qaWasOpen = found.QaOpen;
                found.Cancel(command.Reason, clock.GetUtcNow());
                if (qaWasOpen)
                {
                    await live.AppendAsync(CommunityEvent.QaStreamName(found.Id), Qa.EventKindsQa.QaClosed,
                        new { open = false, requiresApproval = found.QaRequiresApproval }, cancellationToken);
                }

                var told = await db.Registrations.Where(r => r.EventId == found.Id && r.Status != RegistrationStatus.Cancelled)
                    .ToListAsync(cancellationToken);
                foreach (var registration in told)
                {
                    registration.TellEventCancelled(found.CancellationReason!);
                }

                logger.LogInformation("Event {EventId} cancelled; {Count} registrants told on their registrations", found.Id, told.Count);
                return true;
            }, cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Viewer, clock, cancellationToken);
        }
    }
}
