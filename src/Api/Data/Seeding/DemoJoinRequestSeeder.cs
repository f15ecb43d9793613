using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// With Seed:Demo, one newcomer waits for approval, so the demo moderator's join-request screen
/// has something to decide on the first run. Runs after the demo content (places, organisations).
/// </summary>
internal sealed class DemoJoinRequestSeeder(AppDbContext db, AccountFactory accounts, IConfiguration configuration, TimeProvider clock) : ISeeder
{
    public const string Email = "applicant@demo.communityofpractice.org.uk";

    // The demo accounts' published password (README), kept here so this seeder stands on its own.
    private const string Password = "Demo-pass-2026!";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo") || await db.Users.AnyAsync(u => u.Email == Email, cancellationToken))
        {
            return;
        }

        var places = await db.Places.Where(p => p.Name == "Southwark").Select(p => p.Id).ToListAsync(cancellationToken);
        if (places.Count == 0)
        {
            return;
        }

        var organisation = await db.Organisations.Where(o => o.Slug == "renaisi").Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var (member, result) = await accounts.CreateAsync(Email, Password, "Priya Applicant", [], cancellationToken, approved: false,
            applicant =>
            {
                db.JoinRequests.Add(JoinRequest.Submit(applicant.Id, organisation, organisation is null ? "Peckham Residents' Network" : null, places,
                    "I run a residents' network in Peckham and want to learn how others connect their work across Southwark.", clock.GetUtcNow()));
                return Task.CompletedTask;
            });
        if (member is null)
        {
            throw new InvalidOperationException($"Could not create the demo applicant: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
