using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// What an organisation says about itself, when a member proposes it or one of its admins edits
/// it. <see cref="Description"/> is Markdown; <see cref="PlaceIds"/> left out means none.
/// </summary>
public sealed record OrganisationProfileRequest(
    string Name, OrganisationKind Kind, string? Website, string? Description, IReadOnlyList<Guid>? PlaceIds);

/// <summary>An org admin approves or declines a member's claim to belong to the organisation.</summary>
public sealed record DecideMembershipRequest(bool Approve);

/// <summary>Evidence for an assessment: a paper, thread or event here (<see cref="TargetId"/>), or a page elsewhere (<see cref="Url"/>).</summary>
public sealed record EvidenceRequest(EvidenceKind Kind, Guid? TargetId, string? Url);

/// <summary>One answer of the guided self-assessment: a statement and how far it fits, from 1 to 5.</summary>
public sealed record StatementAnswerRequest(Guid StatementId, int Value);

/// <summary>
/// An organisation records where it stands in a place. With <see cref="Answers"/> it is a guided
/// self-assessment (the record keeps the suggestion and whether it was followed); with
/// <see cref="CorrectsId"/> it is a correction of an earlier entry, which stays in the history.
/// <see cref="FunderIds"/> name the funder organisations that may read it when <see cref="Visibility"/> is Funders.
/// </summary>
public sealed record RecordAssessmentRequest(
    Guid PlaceId,
    FrameworkStage Stage,
    DateOnly AssessedOn,
    string Summary,
    AssessmentVisibility Visibility,
    IReadOnlyList<Guid>? FunderIds,
    IReadOnlyList<EvidenceRequest>? Evidence,
    IReadOnlyList<Guid> AgreedByIds,
    IReadOnlyList<StatementAnswerRequest>? Answers,
    Guid? CorrectsId);

/// <summary>The guided tool's answers so far, for a suggestion before anything is recorded.</summary>
public sealed record SuggestStageRequest(IReadOnlyList<StatementAnswerRequest> Answers);

/// <summary>An admin writes a statement of the guided self-assessment for a stage.</summary>
public sealed record StatementRequest(FrameworkStage Stage, string Text);

/// <summary>Which way a statement moves among its stage's statements.</summary>
public enum MoveDirection
{
    Up = 1,
    Down = 2,
}

/// <summary>An admin moves a statement one place up or down within its stage.</summary>
public sealed record MoveStatementRequest(MoveDirection Direction);
