using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Profile;

/// <summary>How members read their own profile: after a look-up, and after saving a change.</summary>
internal static class ProfileProjection
{
    public static Task<MyProfile?> MyProfileAsync(this AppDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new MyProfile(
                m.Id,
                db.Users.Where(u => u.Id == m.Id).Select(u => u.Email!).Single(),
                m.DisplayName,
                m.Bio,
                m.Organisation == null ? null : new NamedRef(m.Organisation.Id, m.Organisation.Name),
                m.Places.OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToList(),
                db.UserRoles.Where(ur => ur.UserId == m.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .OrderBy(name => name).ToList(),
                m.JoinedAt,
                new ListingChoice(m.Listing.IsListed, m.Listing.ShowOrganisation, m.Listing.ShowPlaces, m.Listing.ShowBio),
                db.Users.Where(u => u.Id == m.Id).Select(u => u.EmailRefused).Single(),
                db.Users.Where(u => u.Id == m.Id).Select(u => u.PendingEmail).Single()))
            .SingleOrDefaultAsync(cancellationToken);
}
