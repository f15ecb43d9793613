namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>An admin brings a retired statement back into the tool. Restoring an active one changes nothing.</summary>
public static class RestoreStatement
{
    public sealed record Command(Guid StatementId) : ICommand;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            (await db.StatementAsync(command.StatementId, cancellationToken)).Restore();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
