using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// The one way an account comes to exist: sign-in account, roles and public profile are written
/// in one transaction, so a failure never leaves a person who can sign in but has no profile.
/// An approved member holds the "member" role (what the default policy asks for); an applicant
/// does not until a moderator approves their join request.
/// </summary>
public sealed class AccountFactory(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <param name="password">null: an account that cannot sign in until its owner sets a password (the demo's gathering guests).</param>
    /// <param name="approved">false: an applicant (<see cref="Member.Apply"/>), without the member role.</param>
    /// <param name="alongside">
    /// More to write in the same transaction once the profile is added (a join request, an
    /// invitation's use); it may throw to undo the whole account.
    /// </param>
    /// <param name="confirmed">false: the address still has to be confirmed through the email RegisterMember sends.</param>
    public async Task<(Member? Member, IdentityResult Result)> CreateAsync(
        string email, string? password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken,
        bool approved = true, Func<Member, Task>? alongside = null, bool confirmed = true)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Accounts made by the platform (the first admin, the demo) are confirmed; people registering confirm by email.
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = confirmed };
            var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, (approved ? roles.Prepend(Roles.Member) : roles).Distinct());
            }

            if (!result.Succeeded)
            {
                return (null, result);
            }

            var member = approved ? Member.Join(user.Id, displayName, clock.GetUtcNow()) : Member.Apply(user.Id, displayName, clock.GetUtcNow());
            db.Members.Add(member);
            if (alongside is not null)
            {
                await alongside(member);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ((Member?)member, IdentityResult.Success);
        });
    }

    /// <summary>Creates the account if it is missing and makes sure it holds the given roles.</summary>
    public async Task<Member> EnsureAsync(
        string email, string? password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var (created, result) = await CreateAsync(email, password, displayName, roles, cancellationToken);
            return created ?? throw new InvalidOperationException(
                $"Could not create the account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        var missing = roles.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            await users.AddToRolesAsync(user, missing);
        }

        return await db.Members.Include(m => m.Places).SingleAsync(m => m.Id == user.Id, cancellationToken);
    }
}
