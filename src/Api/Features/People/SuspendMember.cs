using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Live;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>
/// An admin suspends a member, saying why. It takes effect at once, everywhere: every session's
/// tokens are revoked (the Api refuses them from their next request), the member's open live
/// connections close within seconds (<see cref="AccessRecheck"/>), and signing in again is refused
/// with the reason. Nothing they wrote is removed; lifting the suspension (<see cref="ReinstateMember"/>)
/// lets them sign in again.
/// </summary>
public static class SuspendMember
{
    public sealed record Command(Caller Caller, Guid PersonId, string Reason) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
                .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Say why: the member is shown this when they try to sign in.")
                .MaximumLength(AppUser.SuspensionReasonMaxLength).WithMessage($"Keep the reason to {AppUser.SuspensionReasonMaxLength} characters.");
    }

    internal sealed class Handler(UserManager<AppUser> users, SignInSessions sessions, AuditLog audit, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.Is(command.PersonId))
            {
                throw new ConflictException("You cannot suspend yourself; ask another admin.");
            }

            var user = await users.FindByIdAsync(command.PersonId.ToString()) ?? throw new NotFoundException("There is no such person.");
            var now = clock.GetUtcNow();
            user.SuspendedAt ??= now;
            user.SuspensionReason = command.Reason.Trim();
            user.AccessChangedAt = now;
            await sessions.EndAllAsync(user, cancellationToken);
            audit.Record(command.Caller, user.Id, AuditActions.MemberSuspended, user.SuspensionReason);
            return Unit.Value;
        }
    }
}
