using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>The guided self-assessment's statements in use, by stage and then in order; anyone may read them.</summary>
public static class ListStatements
{
    public sealed record Query : IQuery<IReadOnlyList<StatementView>>;

    // Stages are stored by name, so the database would sort them alphabetically: order them here.

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<StatementView>>
    {
        public async ValueTask<IReadOnlyList<StatementView>> Handle(Query query, CancellationToken cancellationToken) =>
            [.. (await db.AssessmentStatements.AsNoTracking()
                    .Where(s => s.IsActive)
                    .Select(s => new StatementView(s.Id, s.Stage, s.Text, s.Order))
                    .ToListAsync(cancellationToken))
                .OrderBy(s => s.Stage).ThenBy(s => s.Order)];
    }
}
