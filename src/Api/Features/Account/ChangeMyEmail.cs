using CommunityOfPractice.Api.Emails;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Mail;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// A member asks to move their account to a new address, with their password. Nothing changes yet:
/// a link goes to the new address (following it is the change, <see cref="ConfirmEmailChange"/>)
/// and a note to the current one, both through the outbox in this transaction. An address that
/// already has an account gets a note saying so instead, and the member the same answer, so no
/// one learns from this who else is a member.
/// </summary>
public static class ChangeMyEmail
{
    public const string Kind = "change-email";
    public const string NoticeKind = "change-email-notice";

    public sealed record Command(Caller Caller, string NewEmail, string CurrentPassword) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewEmail).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the new email address.")
                .MaximumLength(256).WithMessage("An email address has at most 256 characters.")
                .EmailAddress().WithMessage("Enter an email address like name@example.org.");
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password, to show it is you.");
        }
    }

    internal sealed class Handler(UserManager<AppUser> users, AppDbContext db, Outbox outbox, IConfiguration configuration) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.Caller.Id.ToString()) ?? throw new NotFoundException("This account no longer exists.");
            if (!await users.CheckPasswordAsync(user, command.CurrentPassword))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.CurrentPassword), "That is not your current password.")]);
            }

            var newEmail = command.NewEmail.Trim();
            if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.NewEmail), "That is already your address.")]);
            }

            var name = await db.NameToGreetAsync(user, cancellationToken);
            if (await users.FindByEmailAsync(newEmail) is not null)
            {
                outbox.Add(Kind, newEmail, AccountEmails.AddressHasAccount(AccountLinks.SignIn(configuration)));
                await db.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            }

            var code = AccountLinks.Code(await users.GenerateChangeEmailTokenAsync(user, newEmail));
            var link = $"{AccountLinks.ApiBase(configuration)}/account/confirm-email-change?member={user.Id}&email={Uri.EscapeDataString(newEmail)}&code={code}";
            user.PendingEmail = newEmail;
            outbox.Add(Kind, newEmail, AccountEmails.ConfirmNewAddress(name, link));
            outbox.Add(NoticeKind, user.Email!, AccountEmails.AddressChangeAsked(name, Masked(newEmail)));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>"n•••@example.org": enough for the owner to recognise, not enough to hand the whole address to whoever reads the old mailbox.</summary>
    internal static string Masked(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "•••" : $"{email[0]}•••{email[at..]}";
    }
}
