namespace CommunityOfPractice.Api.Infrastructure.Audit;

/// <summary>
/// The one way any area writes to the audit log: the entry joins the caller's unit of work, so it
/// is saved by the same SaveChanges and committed (or rolled back) with the change it records.
/// Call it from a command that is <see cref="ITransactional"/>, after the checks that may refuse.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public void Record(Guid? actorId, Guid? subjectId, string action, string? details = null) =>
        db.Set<AuditEntry>().Add(AuditEntry.Create(actorId, subjectId, action, details, clock.GetUtcNow()));

    public void Record(Caller actor, Guid? subjectId, string action, string? details = null) =>
        Record(actor.MemberId, subjectId, action, details);
}
