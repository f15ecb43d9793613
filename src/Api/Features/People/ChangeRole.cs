using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>
/// Admins grant and revoke roles. Granting what someone has, or revoking what they lack, changes
/// nothing and succeeds. The change reaches the person's next token (at most the access-token
/// lifetime later, or at once for a new sign-in), and their open live subscriptions within seconds.
/// </summary>
public static class ChangeRole
{
    public sealed record Command(Caller Caller, Guid PersonId, string Role, bool Grant) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Role).Must(Roles.IsKnown)
                .WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
    }

    internal sealed class Handler(UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.PersonId.ToString())
                ?? throw new NotFoundException("There is no such person.");

            if (!command.Grant && command.Role == Roles.Member)
            {
                throw new ConflictException("Everyone in the community is a member; that role cannot be revoked.");
            }

            if (!command.Grant && command.Role == Roles.Admin && command.Caller.Is(command.PersonId))
            {
                throw new ConflictException("You cannot revoke your own admin role; ask another admin.");
            }

            var has = await users.IsInRoleAsync(user, command.Role);
            // Open live connections re-check what they may read (a demoted moderator stops hearing moderation).
            user.AccessChangedAt = clock.GetUtcNow();
            if (command.Grant != has)
            {
                // Before the change: UserManager saves it, and this entry with it, in this transaction.
                audit.Record(command.Caller, user.Id, command.Grant ? AuditActions.RoleGranted : AuditActions.RoleRevoked, command.Role);
            }

            var result = (command.Grant, has) switch
            {
                (true, false) => await users.AddToRoleAsync(user, command.Role),
                (false, true) => await users.RemoveFromRoleAsync(user, command.Role),
                _ => IdentityResult.Success,
            };

            return result.Succeeded
                ? Unit.Value
                : throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
