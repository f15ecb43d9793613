using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// An organisation's page: its profile, its people, its journey in each place it has assessed
/// (only the entries this reader may see), its papers and the events it hosts (for members, as
/// the events area shows them: never drafts, cancelled ones marked; empty for a visitor). <see cref="DescriptionMarkdown"/> is for
/// those who may edit it (<see cref="MayEdit"/>); <see cref="PendingClaims"/> for its admins and the
/// site's moderators (<see cref="MayDecideClaims"/>); <see cref="MyMembership"/> is the reader's own claim, if any.
/// </summary>
public sealed record OrganisationDetail(
    Guid Id,
    string Name,
    string Slug,
    OrganisationKind Kind,
    string? Website,
    string? DescriptionHtml,
    string? DescriptionMarkdown,
    bool IsVerified,
    IReadOnlyList<PlaceRef> Places,
    IReadOnlyList<AuthorRef> Admins,
    IReadOnlyList<AuthorRef> Members,
    IReadOnlyList<AuthorRef> PendingClaims,
    IReadOnlyList<PlaceJourney> Journey,
    IReadOnlyList<NamedRef> Papers,
    bool MayEdit,
    bool MayRecordAssessments,
    IReadOnlyList<HostedEvent> UpcomingEvents,
    IReadOnlyList<HostedEvent> PastEvents,
    bool MayDecideClaims,
    MembershipStatus? MyMembership);

/// <summary>An event the organisation hosts, as its page lists it.</summary>
public sealed record HostedEvent(
    Guid Id, string Title, Domain.Events.EventKind Kind, Domain.Events.EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone);

/// <summary>One organisation's timeline in one place, oldest first, and the stage it stands at now.</summary>
public sealed record PlaceJourney(PlaceRef Place, FrameworkStage? CurrentStage, IReadOnlyList<TimelineStepView> Timeline);

/// <summary>An entry of a timeline; <see cref="Mark"/> reads "moved from Connection to Mutuality" when the stage changed.</summary>
public sealed record TimelineStepView(AssessmentView Assessment, FrameworkStage? MovedFrom, string? Mark, bool IsTheMoveThatMattersMost);

/// <summary>An assessment as recorded: append-only, so a correction is a new one with <see cref="CorrectsId"/>.</summary>
public sealed record AssessmentView(
    Guid Id,
    Guid OrganisationId,
    PlaceRef Place,
    FrameworkStage Stage,
    DateOnly AssessedOn,
    string SummaryHtml,
    AssessmentVisibility Visibility,
    AssessmentMethod Method,
    FrameworkStage? SuggestedStage,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<AuthorRef> AgreedBy,
    Guid? CorrectsId,
    DateTimeOffset RecordedAt);

/// <summary>A piece of evidence: a paper, thread or event here, or a page elsewhere.</summary>
public sealed record EvidenceView(EvidenceKind Kind, Guid? TargetId, string? Url);

/// <summary>Where a member's tie to an organisation stands.</summary>
public sealed record MembershipView(Guid OrganisationId, Guid MemberId, MembershipStatus Status, bool IsAdmin);

/// <summary>A statement of the guided self-assessment, to answer from 1 (not like us) to 5 (exactly like us).</summary>
public sealed record StatementView(Guid Id, FrameworkStage Stage, string Text, int Order);

/// <summary>What the guided tool suggests, and what would set the organisation at the next stage.</summary>
public sealed record StageSuggestionView(FrameworkStage Stage, FrameworkStage? Next, string? WhatDistinguishesNext);

/// <summary>A statement as admins manage it: retired ones too, which the tool no longer asks but old answers still name.</summary>
public sealed record ManagedStatement(Guid Id, FrameworkStage Stage, string Text, int Order, bool IsActive);
