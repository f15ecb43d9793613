using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Profile;

/// <summary>
/// A member takes away everything held about them (UK GDPR: access and portability) as one JSON
/// document: profile, threads started, posts with their earlier versions, Q&amp;A questions and
/// votes, registrations, the assessments they recorded, organisation memberships, join requests,
/// follows and notification choices. Each part is one query filtered by the caller's id, so
/// nothing of anyone else's comes along but the names of the things they took part in.
/// </summary>
public static class ExportMyData
{
    public sealed record Query(Caller Caller) : IQuery<MyDataExport>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, MyDataExport>
    {
        public async ValueTask<MyDataExport> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = query.Caller.Id;
            var profile = await db.MyProfileAsync(me, cancellationToken) ?? throw new NotFoundException("This member has no profile.");

            var threads = await db.Threads.AsNoTracking().Where(t => t.AuthorId == me).OrderBy(t => t.CreatedAt)
                .Select(t => new ExportedThread(t.Id, t.Title, t.CreatedAt)).ToListAsync(cancellationToken);

            var posts = await db.Posts.AsNoTracking().Where(p => p.AuthorId == me).OrderBy(p => p.CreatedAt)
                .Select(p => new ExportedPost(
                    p.Id, p.ThreadId, db.Threads.Where(t => t.Id == p.ThreadId).Select(t => t.Title).First(), p.Number, p.Markdown,
                    p.CreatedAt, p.EditedAt, p.IsDeleted, p.IsHidden, p.Revisions.OrderBy(r => r.Number).Select(r => r.Markdown).ToList()))
                .ToListAsync(cancellationToken);

            var questions = await db.Questions.AsNoTracking().Where(q => q.AuthorId == me).OrderBy(q => q.CreatedAt)
                .Select(q => new ExportedQuestion(
                    q.Id, q.EventId, db.Events.Where(e => e.Id == q.EventId).Select(e => e.Title).First(), q.Text, q.IsAnonymous, q.Status,
                    q.VoteCount, q.CreatedAt))
                .ToListAsync(cancellationToken);

            var votes = await db.QuestionVotes.AsNoTracking().Where(v => v.MemberId == me).Select(v => v.QuestionId).ToListAsync(cancellationToken);

            var registrations = await db.Registrations.AsNoTracking().Where(r => r.MemberId == me)
                .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { r, e.Title, e.StartsAt })
                .OrderBy(x => x.StartsAt)
                .Select(x => new ExportedRegistration(x.r.EventId, x.Title, x.StartsAt, x.r.Status, x.r.Answers, x.r.IsListed, x.r.RegisteredAt))
                .ToListAsync(cancellationToken);

            var assessments = await db.StageAssessments.AsNoTracking().Where(a => a.RecordedById == me).OrderBy(a => a.RecordedAt)
                .Select(a => new ExportedAssessment(
                    a.Id, a.OrganisationId, db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).First(),
                    a.PlaceId, db.Places.Where(p => p.Id == a.PlaceId).Select(p => p.Name).First(),
                    a.Stage, a.AssessedOn, a.Method, a.Visibility, a.SummaryMarkdown, a.RecordedAt, a.CorrectsId))
                .ToListAsync(cancellationToken);

            var memberships = await db.OrganisationMemberships.AsNoTracking().Where(m => m.MemberId == me)
                .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new ExportedMembership(o.Id, o.Name, m.Status, m.IsAdmin, m.ClaimedAt))
                .ToListAsync(cancellationToken);

            var joinRequests = await db.JoinRequests.AsNoTracking().Where(r => r.MemberId == me).OrderBy(r => r.CreatedAt)
                .Select(r => new ExportedJoinRequest(r.Id, r.Why, r.Status, r.CreatedAt, r.DecisionMessage)).ToListAsync(cancellationToken);

            var follows = await db.Follows.AsNoTracking().Where(f => f.MemberId == me).OrderBy(f => f.FollowedAt)
                .Select(f => new ExportedFollow(f.TargetKind, f.TargetId, f.FollowedAt)).ToListAsync(cancellationToken);

            var threadsFollowed = await db.ThreadReaders.AsNoTracking().Where(r => r.MemberId == me && r.IsFollowing)
                .Select(r => r.ThreadId).ToListAsync(cancellationToken);

            var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.MemberId == me)
                .Select(p => new ExportedPreference(p.Kind, p.Delivery)).ToListAsync(cancellationToken);

            return new MyDataExport(
                clock.GetUtcNow(), profile, threads, posts, questions, votes, registrations, assessments, memberships, joinRequests,
                follows, threadsFollowed, preferences);
        }
    }
}
