using System.Text;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts.Community;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>A newcomer joins: account, member role and profile in one go.</summary>
public static class RegisterMember
{
    // Not ITransactional: the AccountFactory writes account, roles and profile in its own
    // transaction (it also serves the seeders), and the confirmation link is only logged.
    public sealed record Command(string Email, string Password, string DisplayName) : ICommand<Registered>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
                .MaximumLength(MemberLimits.EmailMaxLength).WithMessage($"An email address has at most {MemberLimits.EmailMaxLength} characters.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@example.org.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.");
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Tell the community your name.")
                .MaximumLength(MemberLimits.DisplayNameMaxLength)
                .WithMessage($"A display name has at most {MemberLimits.DisplayNameMaxLength} characters.");
        }
    }

    internal sealed class Handler(AccountFactory accounts, UserManager<AppUser> users, IConfiguration configuration, ILogger<Handler> logger)
        : ICommandHandler<Command, Registered>
    {
        public async ValueTask<Registered> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var (member, result) = await accounts.CreateAsync(email, command.Password, command.DisplayName, [], cancellationToken);
            if (member is null)
            {
                throw new ValidationException(result.Errors.Select(ToFailure));
            }

            await LogConfirmationLinkAsync(member.Id, email);
            return new Registered(member.Id, email, member.DisplayName);
        }

        // No mail is sent yet: the confirmation link is logged for the operator (see docs/api.md).
        private async Task LogConfirmationLinkAsync(Guid memberId, string email)
        {
            var user = await users.FindByIdAsync(memberId.ToString());
            var token = await users.GenerateEmailConfirmationTokenAsync(user!);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var baseUrl = configuration["Api:PublicUrl"]?.TrimEnd('/') ?? string.Empty;
            logger.LogInformation("Email confirmation link for {Email}: {BaseUrl}/api/v1/account/confirm-email?memberId={MemberId}&code={Code}",
                email, baseUrl, memberId, code);
        }

        private static ValidationFailure ToFailure(IdentityError error) => new(
            error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(Command.Email),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(Command.Password),
                _ => string.Empty,
            },
            error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                    "An account with this email address already exists. Sign in instead.",
                _ => error.Description,
            });
    }
}
