using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>Appends one "votes.updated" with the current totals of the given questions (visible ones only).</summary>
public static class PublishVoteTotals
{
    public sealed record Command(Guid EventId, IReadOnlyList<Guid> QuestionIds) : ICommand, ITransactional;

    internal sealed class Handler(AppDbContext db, LiveStreams live) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var totals = await db.Questions.AsNoTracking()
                .Where(q => command.QuestionIds.Contains(q.Id) && q.Status == QuestionStatus.Visible)
                .OrderBy(q => q.Id)
                .Select(q => new VoteTotal(q.Id, q.VoteCount))
                .ToListAsync(cancellationToken);
            if (totals.Count > 0)
            {
                await live.AppendAsync(StreamNames.Qa(command.EventId), QaEventKinds.VotesUpdated, new { totals }, cancellationToken);
            }

            return Unit.Value;
        }
    }
}
