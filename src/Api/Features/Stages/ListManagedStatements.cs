using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>Every statement of the guided self-assessment, retired ones included, by stage and order: what admins edit.</summary>
public static class ListManagedStatements
{
    public sealed record Query : IQuery<IReadOnlyList<ManagedStatement>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ManagedStatement>>
    {
        // Stages are stored by name, so the database would sort them alphabetically: order them here.
        public async ValueTask<IReadOnlyList<ManagedStatement>> Handle(Query query, CancellationToken cancellationToken) =>
            [.. (await db.AssessmentStatements.AsNoTracking().ToListAsync(cancellationToken))
                .OrderBy(s => s.Stage).ThenBy(s => s.Order).ThenBy(s => s.Id)
                .Select(s => s.ToManaged())];
    }
}
