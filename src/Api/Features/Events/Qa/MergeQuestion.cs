using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// A host or moderator merges a duplicate into another question: the duplicate leaves the list,
/// its votes move over (a member who voted for both counts once), and a pin follows it.
/// </summary>
public static class MergeQuestion
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, Guid? IntoQuestionId) : ICommand<QuestionView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IntoQuestionId).NotNull()
                .WithMessage("Say which question this one merges into.").OverridePropertyName("intoQuestionId");
        }
    }

    internal sealed class Handler(QuestionModeration moderation, AppDbContext db, LiveStreams live) : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId,
                (found, duplicate) => MergeAsync(found, duplicate, command.IntoQuestionId!.Value, cancellationToken),
                cancellationToken, announcesPin: true);

        private async Task MergeAsync(CommunityEvent found, Question duplicate, Guid intoId, CancellationToken cancellationToken)
        {
            var target = await db.QuestionAsync(found.Id, intoId, cancellationToken);
            duplicate.MergeInto(target);
            if (found.PinnedQuestionId == duplicate.Id)
            {
                found.Pin(target.Id);
            }

            // The primary key (question, member) keeps a member who voted for both at one vote.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO qa_votes (question_id, member_id, created_at)
                SELECT {target.Id}, member_id, created_at FROM qa_votes WHERE question_id = {duplicate.Id}
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM qa_votes WHERE question_id = {duplicate.Id}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE qa_questions SET vote_count = (SELECT count(*) FROM qa_votes WHERE question_id = {target.Id}) WHERE id = {target.Id};
                UPDATE qa_questions SET vote_count = 0 WHERE id = {duplicate.Id}
                """, cancellationToken);
            await db.Entry(target).ReloadAsync(cancellationToken);
            if (target.Status == QuestionStatus.Visible)
            {
                await live.AppendAsync(StreamNames.Qa(found.Id), QaEventKinds.QuestionUpdated,
                    await db.ViewAsync(target, Caller.Anonymous, moderates: false, cancellationToken), cancellationToken);
            }
        }
    }
}
