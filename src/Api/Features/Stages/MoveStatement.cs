using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>
/// An admin moves a statement one place up or down among its stage's statements (the order the
/// tool asks them in). The stage's statements are numbered 1, 2, 3… afresh, so gaps and ties
/// left by earlier edits disappear. At either end, nothing moves.
/// </summary>
public static class MoveStatement
{
    public sealed record Command(Guid StatementId, MoveDirection Direction) : ICommand<IReadOnlyList<ManagedStatement>>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Direction).IsInEnum().WithMessage("Move a statement Up or Down.");
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, IReadOnlyList<ManagedStatement>>
    {
        public async ValueTask<IReadOnlyList<ManagedStatement>> Handle(Command command, CancellationToken cancellationToken)
        {
            var statement = await db.StatementAsync(command.StatementId, cancellationToken);
            var stage = (await db.AssessmentStatements.Where(s => s.Stage == statement.Stage).ToListAsync(cancellationToken))
                .OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
            var index = stage.IndexOf(statement);
            var swapWith = command.Direction == MoveDirection.Up ? index - 1 : index + 1;
            if (swapWith >= 0 && swapWith < stage.Count)
            {
                (stage[index], stage[swapWith]) = (stage[swapWith], stage[index]);
            }

            for (var i = 0; i < stage.Count; i++)
            {
                stage[i].Edit(stage[i].Stage, stage[i].Text, i + 1);
            }

            await db.SaveChangesAsync(cancellationToken);
            return [.. stage.Select(s => s.ToManaged())];
        }
    }
}
