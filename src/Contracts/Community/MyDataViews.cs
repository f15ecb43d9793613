using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Journey;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// Everything the community holds about one member, as they would take it away (UK GDPR's right of
/// access and portability): the profile, what they wrote, where they registered, the assessments
/// they recorded, what they follow and how they are told. Only their own; others appear by name or id.
/// </summary>
public sealed record MyDataExport(
    DateTimeOffset ExportedAt,
    MyProfile Profile,
    IReadOnlyList<ExportedThread> ThreadsStarted,
    IReadOnlyList<ExportedPost> Posts,
    IReadOnlyList<ExportedQuestion> Questions,
    IReadOnlyList<Guid> QuestionsVotedFor,
    IReadOnlyList<ExportedRegistration> Registrations,
    IReadOnlyList<ExportedAssessment> Assessments,
    IReadOnlyList<ExportedMembership> OrganisationMemberships,
    IReadOnlyList<ExportedJoinRequest> JoinRequests,
    IReadOnlyList<ExportedFollow> Follows,
    IReadOnlyList<Guid> ThreadsFollowed,
    IReadOnlyList<ExportedPreference> NotificationPreferences);

public sealed record ExportedThread(Guid Id, string Title, DateTimeOffset StartedAt);

/// <summary>A post with each earlier version of its words, oldest first.</summary>
public sealed record ExportedPost(
    Guid Id, Guid ThreadId, string ThreadTitle, int Number, string Markdown, DateTimeOffset WrittenAt, DateTimeOffset? EditedAt,
    bool IsDeleted, bool IsHidden, IReadOnlyList<string> EarlierVersions);

public sealed record ExportedQuestion(
    Guid Id, Guid EventId, string EventTitle, string Text, bool IsAnonymous, QuestionStatus Status, int Votes, DateTimeOffset AskedAt);

public sealed record ExportedRegistration(
    Guid EventId, string EventTitle, DateTimeOffset StartsAt, RegistrationStatus Status, IReadOnlyList<string> Answers, bool IsListed, DateTimeOffset RegisteredAt);

public sealed record ExportedAssessment(
    Guid Id, Guid OrganisationId, string Organisation, Guid PlaceId, string Place, FrameworkStage Stage, DateOnly AssessedOn,
    AssessmentMethod Method, AssessmentVisibility Visibility, string Summary, DateTimeOffset RecordedAt, Guid? CorrectsId);

public sealed record ExportedMembership(Guid OrganisationId, string Organisation, MembershipStatus Status, bool IsAdmin, DateTimeOffset ClaimedAt);

public sealed record ExportedJoinRequest(Guid Id, string? Why, JoinRequestStatus Status, DateTimeOffset CreatedAt, string? DecisionMessage);

public sealed record ExportedFollow(FollowTarget Kind, Guid TargetId, DateTimeOffset Since);

public sealed record ExportedPreference(NotificationKind Kind, NotificationDelivery Delivery);

/// <summary>
/// Deleting one's account: the password shows it is them; <see cref="RemoveContent"/> also removes
/// the words of their posts and questions (otherwise those stay, by "Former member").
/// </summary>
public sealed record DeleteAccountRequest(string? Password, bool RemoveContent);
