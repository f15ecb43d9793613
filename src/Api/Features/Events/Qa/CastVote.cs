using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// An attendee upvotes a question once, or takes the vote back (the page's toggle sends one or
/// the other). The vote row's key (question, member) makes "once" hold under any concurrency:
/// the insert that loses the race inserts nothing and answers 409. Totals reach readers through
/// <see cref="VoteTotalsCoalescer"/>, a few times a second at most, not once per vote.
/// </summary>
public static class CastVote
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, bool Up) : ICommand<VoteResult>;

    internal sealed class Handler(AppDbContext db, VoteTotalsCoalescer totals, TimeProvider clock) : ICommandHandler<Command, VoteResult>
    {
        public async ValueTask<VoteResult> Handle(Command command, CancellationToken cancellationToken)
        {
            var caller = command.Caller;
            var me = caller.Id;

            // Votes are the hot path of a busy webinar: everything the checks need in one query.
            var found = await db.Questions.AsNoTracking()
                .Where(q => q.Id == command.QuestionId && q.EventId == command.EventId)
                .Select(q => new
                {
                    q.Status,
                    Event = db.Events.Where(e => e.Id == q.EventId)
                        .Select(e => new { e.Status, e.QaOpen, Hosts = e.HostId == me || e.CoHostIds.Contains(me) }).First(),
                    HasSeat = db.Registrations.Any(r => r.EventId == q.EventId && r.MemberId == me && r.Status == RegistrationStatus.Registered),
                })
                .SingleOrDefaultAsync(cancellationToken);
            var manages = found is not null && (caller.IsAdmin || found.Event.Hosts);
            if (found is null || (found.Event.Status == EventStatus.Draft && !manages)
                || (found.Status != QuestionStatus.Visible && !(manages || caller.IsModerator)))
            {
                throw new NotFoundException("There is no such question.");
            }

            if (!found.HasSeat && !manages && !caller.IsModerator)
            {
                throw new ForbiddenException("Register for the event (with a seat) to vote.");
            }

            if (!found.Event.QaOpen)
            {
                throw new DomainException("The Q&A for this event is closed.");
            }

            if (found.Status != QuestionStatus.Visible)
            {
                throw new DomainException("Only questions everyone can see take votes.");
            }

            // One statement, so one implicit transaction: the vote row and the count move together,
            // and the row lock on the question is held only for this statement.
            var counts = command.Up
                ? await db.Database.SqlQuery<int>($"""
                    WITH cast_vote AS (
                        INSERT INTO qa_votes (question_id, member_id, created_at) VALUES ({command.QuestionId}, {me}, {clock.GetUtcNow()})
                        ON CONFLICT DO NOTHING
                        RETURNING 1)
                    UPDATE qa_questions SET vote_count = vote_count + 1
                    WHERE id = {command.QuestionId} AND EXISTS (SELECT 1 FROM cast_vote)
                    RETURNING vote_count AS "Value"
                    """).ToListAsync(cancellationToken)
                : await db.Database.SqlQuery<int>($"""
                    WITH taken_back AS (
                        DELETE FROM qa_votes WHERE question_id = {command.QuestionId} AND member_id = {me}
                        RETURNING 1)
                    UPDATE qa_questions SET vote_count = vote_count - 1
                    WHERE id = {command.QuestionId} AND EXISTS (SELECT 1 FROM taken_back)
                    RETURNING vote_count AS "Value"
                    """).ToListAsync(cancellationToken);
            if (counts.Count == 0)
            {
                throw new ConflictException(command.Up ? "You have already voted for this question." : "You have not voted for this question.");
            }

            totals.Changed(command.EventId, command.QuestionId);
            return new VoteResult(command.QuestionId, counts[0], command.Up);
        }
    }
}
