using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// How much is going on in a place (a borough's counts include its neighbourhoods'): the list of
/// places shows it so people find the busy ones. Counts are numbers only, never titles, so every
/// reader may see them; <see cref="Papers"/> counts the papers the reader may open.
/// </summary>
public sealed record PlaceActivity(int Threads, int UpcomingEvents, int Papers, int Organisations);

/// <summary>
/// An approved place in the list of places, with its activity. The first four fields are those of
/// <see cref="PlaceView"/>, so older callers that read a place list keep working.
/// </summary>
public sealed record PlaceSummary(Guid Id, string Name, string Slug, PlaceKind Kind, Guid? ParentId, PlaceActivity? Activity);

/// <summary>A place a place sits in or holds, for links between place pages.</summary>
public sealed record PlaceLink(Guid Id, string Name, string Slug, PlaceKind Kind);

/// <summary>A thread tagged to the place, as the place page lists it.</summary>
public sealed record PlaceThread(Guid Id, string Title, FrameworkStage? Stage, int PostCount, DateTimeOffset LastActivityAt);

/// <summary>A published event tagged to the place.</summary>
public sealed record PlaceEvent(
    Guid Id, string Title, EventKind Kind, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, FrameworkStage? Stage);

/// <summary>A learning paper tagged to the place.</summary>
public sealed record PlacePaper(Guid Id, string Title, PaperType Type, DateOnly PublishedOn, IReadOnlyList<FrameworkStage> Stages);

/// <summary>
/// An organisation working in the place, with the stage it stands at there now: the last entry
/// of its community-visible timeline (corrections applied), null when it has shared none.
/// </summary>
public sealed record PlaceOrganisation(
    Guid Id, string Name, string Slug, OrganisationKind Kind, bool IsVerified, FrameworkStage? CurrentStage, DateOnly? AssessedOn);

/// <summary>A member who chose to be listed, with only the details they chose to show.</summary>
public sealed record ListedMember(Guid Id, string DisplayName, string Handle, NamedRef? Organisation, string? Bio);

/// <summary>How many of the place's organisations stand at one stage now.</summary>
public sealed record StageCount(FrameworkStage Stage, int Organisations);

/// <summary>
/// An organisation's move between stages in the place (or a place inside it), from its
/// community-visible timeline; <see cref="IsTheMoveThatMattersMost"/> singles out Connection → Mutuality.
/// </summary>
public sealed record PlaceMove(
    Guid OrganisationId, string OrganisationName, string OrganisationSlug, PlaceLink Place,
    FrameworkStage From, FrameworkStage To, DateOnly AssessedOn, bool IsTheMoveThatMattersMost);

/// <summary>
/// Everything tagged to a place (a borough includes its neighbourhoods), narrowed by
/// <see cref="Stage"/> when one was asked for. <see cref="Distribution"/> counts every organisation
/// of the place, filtered or not, so the filter can be chosen from it. Threads, events and the
/// directory are for members: a visitor gets them empty and <see cref="SignInForMore"/> set.
/// <see cref="LastSeq"/> is where a live reader of "place:{id}" subscribes from.
/// </summary>
public sealed record PlaceDetail(
    Guid Id,
    string Name,
    string Slug,
    PlaceKind Kind,
    PlaceLink? Parent,
    IReadOnlyList<PlaceLink> Children,
    FrameworkStage? Stage,
    IReadOnlyList<PlaceThread> Threads,
    IReadOnlyList<PlaceEvent> UpcomingEvents,
    IReadOnlyList<PlaceEvent> PastEvents,
    IReadOnlyList<PlacePaper> Papers,
    IReadOnlyList<PlaceOrganisation> Organisations,
    IReadOnlyList<ListedMember> Members,
    IReadOnlyList<StageCount> Distribution,
    IReadOnlyList<PlaceMove> Moves,
    bool SignInForMore,
    long LastSeq);

/// <summary>
/// What a place's live stream says arrived (kinds "thread.started", "event.published",
/// "paper.published"): the thing's id, title and stages, never its content, so the page can add
/// a link without a reload.
/// </summary>
public sealed record PlaceArrival(Guid Id, string Title, IReadOnlyList<FrameworkStage> Stages);

/// <summary>
/// A place a member proposed, waiting for an admin: seen by its proposer and by admins, offered
/// to everyone else once approved. <see cref="ProposedBy"/> is null for an admin's addition.
/// </summary>
public sealed record PlaceProposal(Guid Id, string Name, string Slug, PlaceKind Kind, PlaceLink? Parent, AuthorRef? ProposedBy, bool IsApproved);
