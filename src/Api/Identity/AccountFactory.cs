using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// The one way an account comes to exist: sign-in account, roles and public profile are written
/// in one transaction, so a failure never leaves a person who can sign in but has no profile.
/// </summary>
public sealed class AccountFactory(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>
    /// A null <paramref name="password"/> makes an account that cannot sign in until its owner
    /// sets one (the demo's gathering guests: registered, never signed in).
    /// </summary>
    public async Task<(Member? Member, IdentityResult Result)> CreateAsync(
        string email, string? password, string displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = new AppUser { UserName = email, Email = email };
            var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, roles.Prepend(Roles.Member).Distinct());
            }

            if (!result.Succeeded)
            {
                return (null, result);
            }

            var member = Member.Join(user.Id, displayName, clock.GetUtcNow());
            db.Members.Add(member);
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
