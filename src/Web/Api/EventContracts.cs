using CommunityOfPractice.Contracts.Common;

namespace CommunityOfPractice.Web.Api;

// The events and Q&A shapes of the Api (enums travel as their names).

public sealed record PersonRef(Guid Id, string DisplayName);

public sealed record MyRegistration(
    Guid Id, string Status, long ArrivalNumber, int? WaitlistPosition, IReadOnlyList<string> Answers, bool IsListed,
    DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt, string? Notice);

public sealed record EventSummary(
    Guid Id, string Title, string Kind, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Venue,
    IReadOnlyList<NamedRef> Places, string? Stage, IReadOnlyList<string> Hashtags, int? Capacity, int RegisteredCount, string? MyStatus);

public sealed record EventDetail(
    Guid Id, string Title, string DescriptionHtml, string? DescriptionMarkdown, string Kind, string Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Venue, string? OnlineUrl, bool HasOnlineLink,
    IReadOnlyList<NamedRef> Places, string? Stage, IReadOnlyList<string> Hashtags, int? Capacity, int RegisteredCount,
    int WaitlistCount, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, bool RegistrationOpen,
    PersonRef Host, IReadOnlyList<PersonRef> CoHosts, IReadOnlyList<string> RegistrationQuestions, DateTimeOffset? CancelledAt,
    string? CancellationReason, Guid? ThreadId, bool CanManage, bool CanModerate, MyRegistration? MyRegistration,
    bool QaOpen, bool QaRequiresApproval, Guid? PinnedQuestionId, long QaLastSeq);

public sealed record EventRequest(
    string Title, string? Description, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string? Venue, string? OnlineUrl, IReadOnlyList<Guid> PlaceIds, string? Stage, int? Capacity,
    DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, IReadOnlyList<Guid> CoHostIds,
    IReadOnlyList<string> RegistrationQuestions);

public sealed record CountOf(string Name, int Count);

public sealed record ListedAttendee(Guid MemberId, string DisplayName, string? Organisation);

public sealed record Attendance(int Registered, IReadOnlyList<CountOf> Places, IReadOnlyList<CountOf> Organisations, IReadOnlyList<ListedAttendee> Listed);

public sealed record QuestionView(
    Guid Id, Guid EventId, string Text, PersonRef? Author, bool IsAnonymous, string Status, string? ModerationReason,
    bool IsAnswered, string? AnswerHtml, int Votes, bool IsPinned, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    Guid? MergedIntoId, bool VotedByMe, bool IsMine, string? Notice);

public sealed record QaState(
    Guid EventId, bool Open, bool RequiresApproval, Guid? PinnedQuestionId, long LastSeq, long ModerationLastSeq,
    bool CanAsk, bool CanModerate, IReadOnlyList<QuestionView> Questions);

public sealed record AttendeeRow(
    Guid MemberId, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Places, string Status,
    long ArrivalNumber, DateTimeOffset RegisteredAt, bool IsListed, IReadOnlyList<string> Answers);

public sealed record CalendarFeedAddress(string Url, string Token);

/// <summary>A file the Api made (calendar, CSV, Markdown).</summary>
public sealed record ApiFile(byte[] Content, string ContentType, string FileName);
