// The Api's wire records live in CommunityOfPractice.Contracts; these names keep the pages that
// have always said Place, Organisation and Stage reading as before.
global using Organisation = CommunityOfPractice.Contracts.Community.OrganisationView;
global using Place = CommunityOfPractice.Contracts.Community.PlaceView;
global using Stage = CommunityOfPractice.Contracts.Community.StageView;

namespace CommunityOfPractice.Web.Api;

// Web-only shapes: what the pages hand the Api client, not what crosses the wire.

/// <summary>What to list: every filter is optional and they combine.</summary>
public sealed record ThreadFilter(string? Tag, Guid? PlaceId, string? Stage, bool Followed, string? After);
