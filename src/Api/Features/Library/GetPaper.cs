using CommunityOfPractice.Contracts.Library;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>A paper with its versions, for anyone who may read it (members-only papers are "not found" to visitors).</summary>
public static class GetPaper
{
    public sealed record Query(Caller Caller, Guid PaperId) : IQuery<PaperDetail>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PaperDetail>
    {
        public async ValueTask<PaperDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.PaperDetailAsync(query.PaperId, query.Caller, cancellationToken)
            ?? throw new NotFoundException("There is no such paper.");
    }
}
