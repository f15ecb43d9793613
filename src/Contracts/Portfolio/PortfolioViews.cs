using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Portfolio;

/// <summary>A place or organisation the member follows, with what links to its page.</summary>
public sealed record FollowedView(FollowTarget Kind, Guid Id, string Name, string Slug, DateTimeOffset FollowedAt);

/// <summary>Everything the member follows: places first, then organisations, each by name.</summary>
public sealed record FollowsView(IReadOnlyList<FollowedView> Places, IReadOnlyList<FollowedView> Organisations)
{
    public bool Follows(FollowTarget kind, Guid id) =>
        (kind == FollowTarget.Place ? Places : Organisations).Any(f => f.Id == id);
}

/// <summary>An organisation working in a followed place, at the stage it stands at there now (as far as the reader may see).</summary>
public sealed record PortfolioPlaceOrganisation(Guid Id, string Name, string Slug, FrameworkStage? CurrentStage, DateOnly? AssessedOn);

/// <summary>
/// A followed place (a borough includes its neighbourhoods): its organisations at their current
/// stage and how they spread over the five stages, counted from what the reader may read.
/// </summary>
public sealed record PortfolioPlace(
    Guid Id, string Name, string Slug, IReadOnlyList<StageCount> Distribution, IReadOnlyList<PortfolioPlaceOrganisation> Organisations);

/// <summary>One point of a timeline: the stage on a date, and the stage it moved from (null when it held).</summary>
public sealed record StagePoint(DateOnly AssessedOn, FrameworkStage Stage, FrameworkStage? MovedFrom);

/// <summary>An organisation's timeline in one place, as (date, stage) points in date order.</summary>
public sealed record PortfolioJourney(PlaceRef Place, IReadOnlyList<StagePoint> Points);

/// <summary>
/// An organisation the member follows, or one working in a followed place, with its movement
/// over time in each place (only followed organisations show every place they work in).
/// </summary>
public sealed record PortfolioOrganisation(Guid Id, string Name, string Slug, bool IsFollowed, IReadOnlyList<PortfolioJourney> Journeys);

/// <summary>
/// A member's portfolio: the followed places' stage distributions and the organisations'
/// movement. Built only from assessments this member may read: the community's, funder-only ones
/// that name one of their organisations, and private ones of their own organisations.
/// </summary>
public sealed record PortfolioView(IReadOnlyList<PortfolioPlace> Places, IReadOnlyList<PortfolioOrganisation> Organisations);
