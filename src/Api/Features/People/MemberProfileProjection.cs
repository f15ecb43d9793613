using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>How one member is shown to the others, whether found by id or by handle.</summary>
internal static class MemberProfileProjection
{
    public static async Task<MemberProfile?> MemberProfileAsync(this AppDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId && m.ErasedAt == null)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                m.Bio,
                Organisation = m.Organisation == null ? null : new NamedRef(m.Organisation.Id, m.Organisation.Name),
                Places = m.Places.OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToList(),
                m.JoinedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return member is null
            ? null
            : new MemberProfile(
                member.Id, member.DisplayName, Mentions.Handle(member.DisplayName), member.Bio, member.Organisation, member.Places, member.JoinedAt);
    }
}
