using CommunityOfPractice.Contracts.Common;
using System.Text.Json.Serialization;

namespace CommunityOfPractice.Web.Api;

// The Api's JSON shapes (camelCase on the wire), as the Web reads and sends them.

public sealed record RegisterRequest(string Email, string Password, string DisplayName);

public sealed record Registered(Guid Id, string Email, string DisplayName);

public sealed record Profile(
    Guid Id,
    string Email,
    string DisplayName,
    string? Bio,
    NamedRef? Organisation,
    IReadOnlyList<NamedRef> Places,
    IReadOnlyList<string> Roles,
    DateTimeOffset JoinedAt);

public sealed record UpdateProfileRequest(string DisplayName, string? Bio, Guid? OrganisationId, IReadOnlyList<Guid> PlaceIds);

/// <summary>A place; <see cref="Kind"/> is the Api's enum name, such as <c>LondonBorough</c>.</summary>
public sealed record Place(Guid Id, string Name, string Slug, string Kind);

public sealed record Organisation(Guid Id, string Name, string Slug, string? Website);

public sealed record Stage([property: JsonPropertyName("stage")] string Name, int Order, string Description);

public sealed record Person(
    Guid Id, string Email, string DisplayName, string? Organisation, IReadOnlyList<string> Roles, DateTimeOffset JoinedAt, bool LockedOut);

public sealed record PeoplePage(IReadOnlyList<Person> Items, string? Next);

/// <summary>What to list: every filter is optional and they combine.</summary>
public sealed record ThreadFilter(string? Tag, Guid? PlaceId, string? Stage, bool Followed, string? After);

/// <summary>A member as other members see them (no e-mail address).</summary>
public sealed record MemberProfile(
    Guid Id, string DisplayName, string Handle, string? Bio, NamedRef? Organisation, IReadOnlyList<NamedRef> Places, DateTimeOffset JoinedAt);
