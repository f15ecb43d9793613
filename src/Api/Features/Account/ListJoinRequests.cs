using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>The moderators' queue: join requests with one status (pending unless asked), oldest first, a page at a time.</summary>
public static class ListJoinRequests
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record Query(JoinRequestStatus Status, int? Page, int? Limit) : IQuery<JoinRequestPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum().WithMessage("Status is one of Pending, Approved or Declined.");
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages are numbered from 1.");
            RuleFor(q => q.Limit).PageLimit(MaxLimit, "join requests");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, JoinRequestPage>
    {
        public async ValueTask<JoinRequestPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = query.Page ?? 1;
            var limit = query.Limit ?? DefaultLimit;
            var requests = db.JoinRequests.Where(r => r.Status == query.Status);

            // Waiting ones oldest first (fair queue); decided ones latest first (what just happened).
            var ordered = query.Status == JoinRequestStatus.Pending
                ? requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                : requests.OrderByDescending(r => r.DecidedAt).ThenBy(r => r.Id);
            var items = await db.ViewsAsync(ordered.Skip((page - 1) * limit).Take(limit + 1), cancellationToken);
            return new JoinRequestPage(items.Take(limit).ToList(), page, items.Count > limit);
        }
    }
}
