using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// An attendee asks (up to 500 characters, optionally anonymous to other attendees). Without
/// pre-moderation the question goes straight to everyone; with it, only to the hosts' queue.
/// A retried ask with the same Idempotency-Key is stored once.
/// </summary>
public static class AskQuestion
{

    public sealed record Command(Caller Caller, Guid EventId, string Text, bool Anonymous, string? IdempotencyKey) : ICommand<QuestionView>, IIdempotent;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write your question first.")
                .Must(t => t is null || t.Trim().Length <= Question.TextMaxLength)
                .WithMessage($"A question has at most {Question.TextMaxLength} characters.");
            RuleFor(c => c.IdempotencyKey).IdempotencyKey();
        }
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, TimeProvider clock)
        : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(command.EventId, command.Caller, cancellationToken);
            if (!await db.MayTakePartAsync(found, command.Caller, cancellationToken))
            {
                throw new ForbiddenException("Register for the event (with a seat) to ask questions.");
            }

            var question = Question.Ask(found, command.Caller.Id, command.Text, command.Anonymous, clock.GetUtcNow());
            db.Questions.Add(question);
            await db.SaveChangesAsync(cancellationToken);
            if (question.Status == QuestionStatus.Visible)
            {
                await live.AppendAsync(StreamNames.Qa(found.Id), QaEventKinds.QuestionAdded,
                    await db.ViewAsync(question, Caller.Anonymous, moderates: false, cancellationToken), cancellationToken);
            }
            else
            {
                await live.AppendAsync(StreamNames.QaModeration(found.Id), QaEventKinds.QuestionPending,
                    await db.ViewAsync(question, Caller.Anonymous, moderates: true, cancellationToken), cancellationToken);
            }

            return await db.ViewAsync(question, command.Caller, moderates: false, cancellationToken);
        }
    }
}
