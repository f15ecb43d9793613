using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// A newcomer joins: the Api checks the email is free and the password strong enough. When joining
/// is by approval (<see cref="JoiningMode.Approval"/>) the rest is the join request: an organisation
/// from the list or the name of a new one (or neither), 1 or more places and a short why. An
/// <see cref="Invitation"/> token from a link skips approval.
/// </summary>
public sealed record RegisterMemberRequest(
    string Email,
    string Password,
    string DisplayName,
    Guid? OrganisationId = null,
    string? ProposedOrganisationName = null,
    IReadOnlyList<Guid>? PlaceIds = null,
    string? Why = null,
    string? Invitation = null);

/// <summary>
/// What a member may change about themselves; <see cref="PlaceIds"/> left out means none, and
/// <see cref="Listing"/> left out keeps their directory choice as it is.
/// </summary>
public sealed record UpdateProfileRequest(
    string DisplayName, string? Bio, Guid? OrganisationId, IReadOnlyList<Guid>? PlaceIds, ListingChoice? Listing = null);

/// <summary>An admin adds a place the list is missing, inside <see cref="ParentId"/> when given.</summary>
public sealed record AddPlaceRequest(string Name, PlaceKind Kind, Guid? ParentId = null);

/// <summary>A member proposes a place the list is missing; an admin approves it before others see it.</summary>
public sealed record ProposePlaceRequest(string Name, PlaceKind Kind, Guid? ParentId);

/// <summary>An admin adds an organisation people can then say they belong to.</summary>
public sealed record AddOrganisationRequest(string Name, string? Website);

/// <summary>
/// A member asks to move their account to <see cref="NewEmail"/>, proving it is them with
/// <see cref="CurrentPassword"/>. Nothing changes until the link sent to the new address is followed.
/// </summary>
public sealed record ChangeEmailRequest(string? NewEmail, string? CurrentPassword);
