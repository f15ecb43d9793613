using CommunityOfPractice.Api.Identity;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// The reset link's new password. The token is single-use (resetting changes the account's
/// security stamp, which the token is bound to) and lasts an hour; a reset also ends every other
/// session: the account's refresh tokens are revoked, so no other device can get a new access token.
/// </summary>
public static class ResetPassword
{
    public const string ExpiredMessage = "This reset link has expired or has been used already. Ask for a new one.";

    public sealed record Command(Guid MemberId, string Code, string Password) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty().WithMessage("The link is incomplete: it has no member.");
            RuleFor(c => c.Code).NotEmpty().WithMessage("The link is incomplete: it has no code.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a new password.");
        }
    }

    internal sealed class Handler(UserManager<AppUser> users, IOpenIddictTokenManager tokens) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.MemberId.ToString());
            if (user is null || !AccountLinks.TryReadCode(command.Code, out var token))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), ExpiredMessage)]);
            }

            var result = await users.ResetPasswordAsync(user, token, command.Password);
            if (!result.Succeeded)
            {
                throw new ValidationException([.. result.Errors.Select(e => e.Code == "InvalidToken"
                    ? new ValidationFailure(nameof(Command.Code), ExpiredMessage)
                    : new ValidationFailure(nameof(Command.Password), e.Description))]);
            }

            await foreach (var stored in tokens.FindBySubjectAsync(user.Id.ToString(), cancellationToken))
            {
                await tokens.TryRevokeAsync(stored, cancellationToken);
            }

            return Unit.Value;
        }
    }
}
