using CommunityOfPractice.Api.Emails;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// "Send the confirmation email again": the same answer whether or not the address has an account,
/// or is confirmed already (no one learns who is a member); a new link only for an unconfirmed one.
/// </summary>
public static class ResendConfirmation
{
    public sealed record Command(string Email) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress().WithMessage("Enter the email address you signed up with.");
    }

    internal sealed class Handler(UserManager<AppUser> users, AppDbContext db, Outbox outbox, IConfiguration configuration) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user?.Email is null || user.EmailConfirmed)
            {
                return Unit.Value;
            }

            var name = await db.NameToGreetAsync(user, cancellationToken);
            outbox.Add(ConfirmEmail.Kind, user.Email, AccountEmails.ConfirmAddress(name, await ConfirmEmail.LinkAsync(users, user, configuration)));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
