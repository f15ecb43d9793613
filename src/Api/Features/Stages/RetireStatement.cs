namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>
/// An admin retires a statement: the tool stops asking it, and answers already given keep
/// naming it (statements are never deleted). Retiring twice changes nothing.
/// </summary>
public static class RetireStatement
{
    public sealed record Command(Guid StatementId) : ICommand;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            (await db.StatementAsync(command.StatementId, cancellationToken)).Retire();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
