using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Profile;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Discussions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>What members see of each other: name, handle, bio, organisation, places. Never the e-mail address.</summary>
public sealed record MemberProfile(
    Guid Id, string DisplayName, string Handle, string? Bio, NamedRef? Organisation, IReadOnlyList<NamedRef> Places, DateTimeOffset JoinedAt);

/// <summary>The member a handle names (co-hosts are chosen by handle, as mentions are written).</summary>
public static class FindMemberByHandle
{
    public sealed record Query(string Handle) : IQuery<MemberProfile>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MemberProfile>
    {
        public async ValueTask<MemberProfile> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await MemberHandles.FindAsync(db, [query.Handle], cancellationToken);
            return found.Count == 1 && await GetMember.ReadAsync(db, found.Values.Single(), cancellationToken) is { } member
                ? member
                : throw new NotFoundException($"No member has the handle @{query.Handle.Trim().TrimStart('@')}.");
        }
    }
}

public static class GetMember
{
    public sealed record Query(Guid MemberId) : IQuery<MemberProfile>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MemberProfile>
    {
        public async ValueTask<MemberProfile> Handle(Query query, CancellationToken cancellationToken) =>
            await ReadAsync(db, query.MemberId, cancellationToken) ?? throw new NotFoundException("There is no such member.");
    }

    internal static async Task<MemberProfile?> ReadAsync(AppDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
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
