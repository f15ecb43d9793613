using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>What the admin's statement use cases share: the text rule, finding a statement, and the admin's view of one.</summary>
internal static class StatementRules
{
    public static IRuleBuilderOptions<T, string> StatementText<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Write the statement.")
            .MaximumLength(AssessmentStatement.TextMaxLength).WithMessage($"A statement has at most {AssessmentStatement.TextMaxLength} characters.");

    public static async Task<AssessmentStatement> StatementAsync(this AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.AssessmentStatements.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("There is no such statement.");

    /// <summary>The next position at the end of a stage's statements.</summary>
    public static async Task<int> NextOrderAsync(this AppDbContext db, Domain.Community.FrameworkStage stage, CancellationToken cancellationToken) =>
        (await db.AssessmentStatements.Where(s => s.Stage == stage).MaxAsync(s => (int?)s.Order, cancellationToken) ?? 0) + 1;

    public static ManagedStatement ToManaged(this AssessmentStatement s) => new(s.Id, s.Stage, s.Text, s.Order, s.IsActive);
}
