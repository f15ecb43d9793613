namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// Its maker or a moderator withdraws an invitation: the row goes, so the link is unknown from
/// then on. Those who joined through it stay members.
/// </summary>
public static class RevokeInvitation
{
    public sealed record Command(Caller Caller, Guid InvitationId) : ICommand, ITransactional;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken)
                ?? throw new NotFoundException("There is no such invitation.");
            if (!command.Caller.MayWithdraw(invitation))
            {
                throw new ForbiddenException("Only the person who made this invitation, or a moderator, can withdraw it.");
            }

            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
