using System.Security.Claims;
using CommunityOfPractice.Api.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// Signing out: the session the calling token belongs to ends on the server. Its access and
/// refresh tokens are revoked (a copied token is refused from its next request on) and the sign-in
/// server's cookie stops standing, so the next sign-in asks for the password again. The Web calls
/// this before it deletes its own session record.
/// </summary>
public static class EndMySession
{
    public sealed record Command(Caller Caller, ClaimsPrincipal Token) : ICommand, ITransactional;

    internal sealed class Handler(UserManager<AppUser> users, SignInSessions sessions) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.Caller.Id.ToString()) ?? throw new NotFoundException("This account no longer exists.");
            await sessions.EndAsync(command.Token, user, cancellationToken);
            return Unit.Value;
        }
    }
}
