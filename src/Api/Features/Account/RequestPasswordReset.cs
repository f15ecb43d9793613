using CommunityOfPractice.Api.Emails;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// "Forgot my password": the answer is the same whether or not an account has this address (no
/// one learns who is a member), and for an account the reset link goes through the outbox, in the
/// same transaction as nothing else: the message is the whole change. The link works once, for an
/// hour (<see cref="PasswordResetTokens"/>).
/// </summary>
public static class RequestPasswordReset
{
    public const string Kind = "password-reset";

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
            if (user?.Email is null)
            {
                return Unit.Value;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = AccountLinks.Code(token);
            var link = $"{AccountLinks.ApiBase(configuration)}/account/reset-password?member={user.Id}&code={code}";
            outbox.Add(Kind, user.Email, AccountEmails.PasswordReset(link));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
