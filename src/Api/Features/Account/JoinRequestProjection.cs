using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>How join requests are read, by their applicant and by the moderators deciding them.</summary>
internal static class JoinRequestProjection
{
    public static async Task<IReadOnlyList<JoinRequestView>> ViewsAsync(
        this AppDbContext db, IQueryable<JoinRequest> requests, CancellationToken cancellationToken)
    {
        var rows = await requests.AsNoTracking()
            .Select(r => new
            {
                Request = r,
                Name = db.Members.Where(m => m.Id == r.MemberId).Select(m => m.DisplayName).Single(),
                Email = db.Users.Where(u => u.Id == r.MemberId).Select(u => u.Email!).Single(),
                Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => new NamedRef(o.Id, o.Name)).SingleOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var placeIds = rows.SelectMany(r => r.Request.PlaceIds).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new NamedRef(p.Id, p.Name), cancellationToken);

        return rows.Select(row => new JoinRequestView(
                row.Request.Id,
                row.Request.MemberId,
                row.Name,
                row.Email,
                row.Organisation,
                row.Request.ProposedOrganisationName,
                row.Request.PlaceIds.Where(places.ContainsKey).Select(id => places[id]).OrderBy(p => p.Name).ToList(),
                row.Request.Why,
                row.Request.Status,
                row.Request.CreatedAt,
                row.Request.DecisionMessage,
                row.Request.DecidedAt))
            .ToList();
    }

    public static async Task<JoinRequestView> ViewAsync(this AppDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        (await db.ViewsAsync(db.JoinRequests.Where(r => r.Id == requestId), cancellationToken)).Single();
}
