using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>An admin lifts a suspension: the member may sign in again. Lifting none succeeds and changes nothing.</summary>
public static class ReinstateMember
{
    public sealed record Command(Caller Caller, Guid PersonId) : ICommand, ITransactional;

    internal sealed class Handler(UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.PersonId.ToString()) ?? throw new NotFoundException("There is no such person.");
            if (user.IsSuspended)
            {
                user.SuspendedAt = null;
                user.SuspensionReason = null;
                user.AccessChangedAt = clock.GetUtcNow();
                audit.Record(command.Caller, user.Id, AuditActions.MemberUnsuspended);
            }

            return Unit.Value;
        }
    }
}
