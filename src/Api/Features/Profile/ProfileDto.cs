using CommunityOfPractice.Contracts.Common;

namespace CommunityOfPractice.Api.Features.Profile;

public sealed record ProfileDto(
    Guid Id,
    string Email,
    string DisplayName,
    string? Bio,
    NamedRef? Organisation,
    IReadOnlyList<NamedRef> Places,
    IReadOnlyList<string> Roles,
    DateTimeOffset JoinedAt);
