using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>The account just made; the newcomer signs in next. Not <see cref="IsApproved"/>: their join request waits for a moderator.</summary>
public sealed record Registered(Guid Id, string Email, string DisplayName, bool IsApproved = true);

/// <summary>
/// The signed-in member's own profile: what others see, plus their email address, roles and
/// directory choice. <see cref="EmailRefused"/>: the mail server's answer when mail to the address
/// was refused for good (no more is sent to it until it is confirmed again).
/// </summary>
public sealed record MyProfile(
    Guid Id,
    string Email,
    string DisplayName,
    string? Bio,
    NamedRef? Organisation,
    IReadOnlyList<NamedRef> Places,
    IReadOnlyList<string> Roles,
    DateTimeOffset JoinedAt,
    ListingChoice Listing,
    string? EmailRefused = null,
    string? PendingEmail = null);

/// <summary>What members see of each other: name, handle, bio, organisation, places. Never the e-mail address.</summary>
public sealed record MemberProfile(
    Guid Id, string DisplayName, string Handle, string? Bio, NamedRef? Organisation, IReadOnlyList<NamedRef> Places, DateTimeOffset JoinedAt);

/// <summary>
/// A person as an admin sees them in the list of people: with email, roles, whether they are locked
/// out, and why they are suspended (null when they are not).
/// </summary>
public sealed record Person(
    Guid Id, string Email, string DisplayName, string? Organisation, IReadOnlyList<string> Roles, DateTimeOffset JoinedAt, bool LockedOut,
    string? SuspensionReason = null);

/// <summary>Why an admin suspends someone: the member is shown it when they try to sign in.</summary>
public sealed record SuspendRequest(string? Reason);

/// <summary>A page of people by name; <see cref="Next"/> is the cursor of the next page, null on the last.</summary>
public sealed record PeoplePage(IReadOnlyList<Person> Items, string? Next);

/// <summary>A UK place people can say they work in.</summary>
public sealed record PlaceView(Guid Id, string Name, string Slug, PlaceKind Kind);

public sealed record OrganisationView(Guid Id, string Name, string Slug, string? Website);

/// <summary>One of the framework's five stages, with its place in the order and what marks it.</summary>
public sealed record StageView(FrameworkStage Stage, int Order, string Description);
