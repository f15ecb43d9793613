using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using Mediator;

namespace CommunityOfPractice.Api.Features.Qa;

/// <summary>
/// An attendee asks (up to 500 characters, optionally anonymous to other attendees). Without
/// pre-moderation the question goes straight to everyone; with it, only to the hosts' queue.
/// A retried ask with the same Idempotency-Key is stored once.
/// </summary>
public static class AskQuestion
{
    public sealed record Request(string Text, bool? Anonymous);

    public sealed record Command(Viewer Viewer, Guid EventId, string Text, bool Anonymous, string? IdempotencyKey) : ICommand<QuestionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write your question first.")
                .Must(t => t is null || t.Trim().Length <= Question.TextMaxLength)
                .WithMessage($"A question has at most {Question.TextMaxLength} characters.");
            RuleFor(c => c.IdempotencyKey).MaximumLength(IdempotencyRecord.KeyMaxLength)
                .WithMessage($"An Idempotency-Key has at most {IdempotencyRecord.KeyMaxLength} characters.");
        }
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, Idempotency idempotency, LiveStreams live, TimeProvider clock)
        : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (questionId, _) = await work.RunAsync(() => idempotency.RunAsync(command.Viewer.MemberId, command.IdempotencyKey, async () =>
            {
                var found = await db.VisibleEventAsync(command.EventId, command.Viewer, cancellationToken);
                if (!await db.MayTakePartAsync(found, command.Viewer, cancellationToken))
                {
                    throw new ForbiddenException("Register for the event (with a seat) to ask questions.");
                }

                var question = Question.Ask(found, command.Viewer.MemberId, command.Text, command.Anonymous, clock.GetUtcNow());
                db.Questions.Add(question);
                await db.SaveChangesAsync(cancellationToken);
                if (question.Status == QuestionStatus.Visible)
                {
                    await live.AppendAsync(CommunityEvent.QaStreamName(found.Id), EventKindsQa.QuestionAdded,
                        await db.ViewAsync(question, QaAudience.Public, cancellationToken), cancellationToken);
                }
                else
                {
                    await live.AppendAsync(CommunityEvent.QaModerationStreamName(found.Id), EventKindsQa.QuestionPending,
                        await db.ViewAsync(question, QaAudience.Moderators, cancellationToken), cancellationToken);
                }

                return question.Id;
            }, cancellationToken), cancellationToken);

            var stored = await db.QuestionAsync(command.EventId, questionId, cancellationToken);
            return await db.ViewAsync(stored, new QaAudience(command.Viewer.MemberId, false), cancellationToken);
        }
    }
}
