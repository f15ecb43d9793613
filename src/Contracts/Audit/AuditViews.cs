using CommunityOfPractice.Contracts.Common;

namespace CommunityOfPractice.Contracts.Audit;

/// <summary>
/// One line of the audit log: when, who acted (null: the system), whom it concerned, what was
/// done (an action name such as <c>post.hidden</c>) and the particulars. People who deleted their
/// account read as "Former member".
/// </summary>
public sealed record AuditEntryView(Guid Id, DateTimeOffset OccurredAt, NamedRef? Actor, NamedRef? Subject, string Action, string? Details);

/// <summary>Entries newest first; <see cref="Next"/> is the cursor of the older page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, string? Next, IReadOnlyList<string> Actions);
