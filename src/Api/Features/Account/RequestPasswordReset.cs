using System.Net;
using System.Text;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

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
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var baseUrl = (configuration["Api:PublicUrl"] ?? string.Empty).TrimEnd('/');
            var link = $"{baseUrl}/account/reset-password?member={user.Id}&code={code}";
            outbox.Add(Kind, user.Email, Message(link));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private static EmailContent Message(string link)
        {
            var safe = WebUtility.HtmlEncode(link);
            return new EmailContent(
                "Reset your Community of Practice password",
                $"""
                Someone (we hope you) asked to reset the password of your Community of Practice account.

                Choose a new password here (the link works once, for one hour):
                {link}

                If it was not you, ignore this email: your password stays as it is.
                """,
                $"""
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>Reset your password</title></head>
                <body style="font-family: sans-serif; color: #1f2a30; background: #ffffff; line-height: 1.5;">
                <h1 style="font-size: 1.4rem;">Reset your password</h1>
                <p>Someone (we hope you) asked to reset the password of your Community of Practice account.</p>
                <p><a href="{safe}" style="color: #084f39; font-weight: bold;">Choose a new password</a> (the link works once, for one hour).</p>
                <p>If it was not you, ignore this email: your password stays as it is.</p>
                </body></html>
                """);
        }
    }
}
