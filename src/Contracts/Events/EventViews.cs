using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Contracts.Events;

public sealed record MyRegistration(
    Guid Id, RegistrationStatus Status, long ArrivalNumber, int? WaitlistPosition, IReadOnlyList<string> Answers, bool IsListed,
    DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt, string? Notice);

public sealed record EventSummary(
    Guid Id, string Title, EventKind Kind, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string? Venue, IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, IReadOnlyList<string> Hashtags, int? Capacity,
    int RegisteredCount, RegistrationStatus? MyStatus);

public sealed record EventDetail(
    Guid Id, string Title, string DescriptionHtml, string? DescriptionMarkdown, EventKind Kind, EventStatus Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Venue, string? OnlineUrl, bool HasOnlineLink,
    IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, IReadOnlyList<string> Hashtags, int? Capacity, int RegisteredCount,
    int WaitlistCount, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, bool RegistrationOpen,
    AuthorRef Host, IReadOnlyList<AuthorRef> CoHosts, IReadOnlyList<string> RegistrationQuestions, DateTimeOffset? CancelledAt,
    string? CancellationReason, Guid? ThreadId, bool CanManage, bool CanModerate, MyRegistration? MyRegistration,
    bool QaOpen, bool QaRequiresApproval, Guid? PinnedQuestionId, long QaLastSeq, EventHostOrganisation? HostOrganisation = null);

/// <summary>The organisation hosting an event, with the slug of its page.</summary>
public sealed record EventHostOrganisation(Guid Id, string Name, string Slug);
