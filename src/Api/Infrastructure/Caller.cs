using System.Security.Claims;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using OpenIddict.Abstractions;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// Who is asking: the one answer that endpoints bind (a parameter of this type), the hub reads
/// from its connection, and handlers and access rules decide with. A visitor, or a token not
/// issued for this Api (no "api" scope), is <see cref="Anonymous"/>. A signed-in applicant whose
/// join request is not yet approved (no "member" role) is <see cref="IsApplicant"/>: they read
/// what visitors read, so every members-only rule asks <see cref="IsMember"/>.
/// </summary>
public sealed record Caller(Guid? MemberId, bool IsAdmin, bool IsModerator, bool IsHost, bool IsFunder)
{
    /// <summary>Nobody in particular: the view every reader of a stream may be sent.</summary>
    public static readonly Caller Anonymous = new(null, false, false, false, false);

    public bool IsSignedIn => MemberId is not null;

    /// <summary>Signed in but not approved yet: a moderator has still to approve their join request.</summary>
    public bool IsApplicant { get; init; }

    /// <summary>An approved member: who members-only threads, events, papers and people are for.</summary>
    public bool IsMember => IsSignedIn && !IsApplicant;

    /// <summary>A member acting without a request (the demo seed): signed in, with the roles named.</summary>
    public static Caller Member(Guid memberId, bool isHost = false) => new(memberId, false, false, isHost, false);

    /// <summary>The member's id, for use cases that only signed-in members reach (the endpoint requires it).</summary>
    public Guid Id => MemberId ?? throw new InvalidOperationException("The caller is not signed in; the endpoint must require authorization.");

    /// <summary>Moderators and admins moderate threads and people.</summary>
    public bool MayModerate => IsModerator || IsAdmin;

    /// <summary>Funders, hosts and admins share learning papers.</summary>
    public bool MayPublish => IsFunder || IsHost || IsAdmin;

    /// <summary>Is this the given member (an author, an asker, a host)?</summary>
    public bool Is(Guid memberId) => MemberId == memberId;

    public static Caller From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasScope(IdentitySetup.ApiScope)
            ? WithRoles(user.MemberId(), user.IsInRole)
            : Anonymous;

    /// <summary>A member with the roles <paramref name="holds"/> says they hold: a token's claims, or the database read afresh.</summary>
    public static Caller WithRoles(Guid memberId, Func<string, bool> holds) =>
        new(memberId, holds(Roles.Admin), holds(Roles.Moderator), holds(Roles.Host), holds(Roles.Funder))
        {
            IsApplicant = !holds(Roles.Member),
        };

    /// <summary>Minimal APIs bind a <see cref="Caller"/> parameter through this.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));
}
