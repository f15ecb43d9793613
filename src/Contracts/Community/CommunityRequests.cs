using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>A newcomer joins: the Api checks the email is free and the password strong enough.</summary>
public sealed record RegisterMemberRequest(string Email, string Password, string DisplayName);

/// <summary>What a member may change about themselves; <see cref="PlaceIds"/> left out means none.</summary>
public sealed record UpdateProfileRequest(string DisplayName, string? Bio, Guid? OrganisationId, IReadOnlyList<Guid>? PlaceIds);

/// <summary>An admin adds a place the list is missing.</summary>
public sealed record AddPlaceRequest(string Name, PlaceKind Kind);

/// <summary>An admin adds an organisation people can then say they belong to.</summary>
public sealed record AddOrganisationRequest(string Name, string? Website);
