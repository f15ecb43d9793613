using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Qa;

/// <summary>
/// An attendee upvotes a question once, or takes the vote back (the page's toggle sends one or
/// the other). The vote row's key (question, member) makes "once" hold under any concurrency:
/// the insert that loses the race inserts nothing and answers 409. Totals reach readers through
/// <see cref="VoteTotals"/>, a few times a second at most, not once per vote.
/// </summary>
public static class CastVote
{
    public sealed record Command(Viewer Viewer, Guid EventId, Guid QuestionId, bool Up) : ICommand<VoteResult>;

    internal sealed class Handler(AppDbContext db, UnitOfWork work, VoteTotals totals, TimeProvider clock) : ICommandHandler<Command, VoteResult>
    {
        public async ValueTask<VoteResult> Handle(Command command, CancellationToken cancellationToken)
        {
            var viewer = command.Viewer;
            var found = await db.VisibleEventAsync(command.EventId, viewer, cancellationToken);
            var question = await db.Questions.AsNoTracking()
                .SingleOrDefaultAsync(q => q.Id == command.QuestionId && q.EventId == found.Id, cancellationToken);
            if (question is null || (question.Status != QuestionStatus.Visible && !viewer.Moderates(found)))
            {
                throw new NotFoundException("There is no such question.");
            }

            if (!await db.MayTakePartAsync(found, viewer, cancellationToken))
            {
                throw new ForbiddenException("Register for the event (with a seat) to vote.");
            }

            if (!found.QaOpen)
            {
                throw new DomainException("The Q&A for this event is closed.");
            }

            if (question.Status != QuestionStatus.Visible)
            {
                throw new DomainException("Only questions everyone can see take votes.");
            }

            var votes = await work.RunAsync(async () =>
            {
                var changed = command.Up
                    ? await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO qa_votes (question_id, member_id, created_at) VALUES ({question.Id}, {viewer.MemberId}, {clock.GetUtcNow()})
                        ON CONFLICT DO NOTHING
                        """, cancellationToken)
                    : await db.Database.ExecuteSqlAsync(
                        $"DELETE FROM qa_votes WHERE question_id = {question.Id} AND member_id = {viewer.MemberId}", cancellationToken);
                if (changed == 0)
                {
                    throw new ConflictException(command.Up ? "You have already voted for this question." : "You have not voted for this question.");
                }

                var delta = command.Up ? 1 : -1;
                var counts = await db.Database.SqlQuery<int>(
                    $"UPDATE qa_questions SET vote_count = vote_count + {delta} WHERE id = {question.Id} RETURNING vote_count AS \"Value\"")
                    .ToListAsync(cancellationToken);
                return counts.Single();
            }, cancellationToken);

            totals.Changed(found.Id, question.Id);
            return new VoteResult(question.Id, votes, command.Up);
        }
    }
}
