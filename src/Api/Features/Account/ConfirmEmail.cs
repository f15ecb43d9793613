using CommunityOfPractice.Api.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>The link from the confirmation message marks the email address as confirmed.</summary>
public static class ConfirmEmail
{
    public const string Kind = "confirm-email";

    /// <summary>The absolute link of the confirmation email: the Api's page, which confirms and says so.</summary>
    public static async Task<string> LinkAsync(UserManager<AppUser> users, AppUser user, IConfiguration configuration)
    {
        var code = AccountLinks.Code(await users.GenerateEmailConfirmationTokenAsync(user));
        return $"{AccountLinks.ApiBase(configuration)}/account/confirm-email?member={user.Id}&code={code}";
    }

    public sealed record Command(Guid MemberId, string Code) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty().WithMessage("The link is incomplete: it has no member.");
            RuleFor(c => c.Code).NotEmpty().WithMessage("The link is incomplete: it has no code.");
        }
    }

    internal sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.MemberId.ToString());
            if (user is null)
            {
                return false;
            }

            if (!AccountLinks.TryReadCode(command.Code, out var token) || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            {
                return false;
            }

            // Confirmed again: the address takes mail, whatever it refused before.
            if (user.EmailRefused is not null)
            {
                user.EmailRefused = null;
                await users.UpdateAsync(user);
            }

            return true;
        }
    }
}
