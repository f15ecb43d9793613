using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Profile;

public static class GetMyProfile
{
    public sealed record Query(Guid MemberId) : IQuery<ProfileDto>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ProfileDto>
    {
        public async ValueTask<ProfileDto> Handle(Query query, CancellationToken cancellationToken) =>
            await Read(db, query.MemberId, cancellationToken)
            ?? throw new NotFoundException("This member has no profile.");

        internal static Task<ProfileDto?> Read(AppDbContext db, Guid memberId, CancellationToken cancellationToken) =>
            db.Members.AsNoTracking()
                .Where(m => m.Id == memberId)
                .Select(m => new ProfileDto(
                    m.Id,
                    db.Users.Where(u => u.Id == m.Id).Select(u => u.Email!).Single(),
                    m.DisplayName,
                    m.Bio,
                    m.Organisation == null ? null : new NamedRef(m.Organisation.Id, m.Organisation.Name),
                    m.Places.OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToList(),
                    db.UserRoles.Where(ur => ur.UserId == m.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                        .OrderBy(name => name).ToList(),
                    m.JoinedAt))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
