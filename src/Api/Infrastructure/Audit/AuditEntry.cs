namespace CommunityOfPractice.Api.Infrastructure.Audit;

/// <summary>
/// One thing done to the community or to a person that someone may later ask about: who did it
/// (<see cref="ActorId"/>, null for the system), to whom (<see cref="SubjectId"/>), what
/// (<see cref="Action"/>, one of <see cref="AuditActions"/>) and the particulars. People are kept as
/// ids, not names: a person who deletes their account then reads as "Former member" here too.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int DetailsMaxLength = 1000;

    private AuditEntry()
    {
        Action = string.Empty;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorId { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string Action { get; private set; }
    public string? Details { get; private set; }

    internal static AuditEntry Create(Guid? actorId, Guid? subjectId, string action, string? details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OccurredAt = now,
        ActorId = actorId,
        SubjectId = subjectId,
        Action = action,
        Details = details is { Length: > DetailsMaxLength } ? details[..DetailsMaxLength] : details,
    };
}
