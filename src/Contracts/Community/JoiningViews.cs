using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>How joining works here, so a register form asks only what it needs.</summary>
public sealed record JoiningRules(JoiningMode Mode);

/// <summary>What a newcomer may know of a valid invitation before registering with it.</summary>
public sealed record InvitationCheck(NamedRef? Organisation, DateTimeOffset ExpiresAt);

/// <summary>
/// A join request as its applicant and the moderators see it: who, with which organisation (one
/// here or a proposed name), where, why, and the decision with its message once made.
/// </summary>
public sealed record JoinRequestView(
    Guid Id,
    Guid MemberId,
    string DisplayName,
    string Email,
    NamedRef? Organisation,
    string? ProposedOrganisationName,
    IReadOnlyList<NamedRef> Places,
    string Why,
    JoinRequestStatus Status,
    DateTimeOffset CreatedAt,
    string? DecisionMessage,
    DateTimeOffset? DecidedAt);

/// <summary>One page of join requests, oldest first; <see cref="HasMore"/> says whether page + 1 has any.</summary>
public sealed record JoinRequestPage(IReadOnlyList<JoinRequestView> Items, int Page, bool HasMore);

/// <summary>
/// An invitation just made. <see cref="Token"/> is shown this once (only its hash is stored);
/// <see cref="Link"/> is the Web's register page with it, when the Api knows the Web's address.
/// </summary>
public sealed record CreatedInvitation(Guid Id, string Token, string? Link, DateTimeOffset ExpiresAt, int MaxUses, NamedRef? Organisation);

/// <summary>An invitation as its makers list it: never the token.</summary>
public sealed record InvitationView(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int MaxUses, int Uses, NamedRef? Organisation, NamedRef CreatedBy);
