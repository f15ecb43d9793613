using CommunityOfPractice.Api.Emails;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// The link sent to the new address, followed: the account moves to it (sign-in name and mail both),
/// the address counts as confirmed, and the old address is told, in one transaction. The link works
/// once: the change renews the account's security stamp, which the link was made from.
/// </summary>
public static class ConfirmEmailChange
{
    public const string NoticeKind = "email-changed";

    public sealed record Command(Guid MemberId, string NewEmail, string Code) : ICommand<bool>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty().WithMessage("The link is incomplete: it has no member.");
            RuleFor(c => c.NewEmail).NotEmpty().WithMessage("The link is incomplete: it has no address.");
            RuleFor(c => c.Code).NotEmpty().WithMessage("The link is incomplete: it has no code.");
        }
    }

    internal sealed class Handler(UserManager<AppUser> users, AppDbContext db, Outbox outbox) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.MemberId.ToString());
            if (user?.Email is not { } oldEmail || await users.FindByEmailAsync(command.NewEmail) is not null)
            {
                return false; // no such account, or the address was taken since the link was sent
            }

            if (!AccountLinks.TryReadCode(command.Code, out var token) || !(await users.ChangeEmailAsync(user, command.NewEmail, token)).Succeeded)
            {
                return false;
            }

            // People sign in with their address: the sign-in name moves with it.
            user.UserName = command.NewEmail;
            user.PendingEmail = null;
            user.EmailRefused = null;
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                throw new InvalidOperationException("The account could not take its new address.");
            }

            var name = await db.NameToGreetAsync(user, cancellationToken);
            outbox.Add(NoticeKind, oldEmail, AccountEmails.AddressChanged(name, ChangeMyEmail.Masked(command.NewEmail)));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
