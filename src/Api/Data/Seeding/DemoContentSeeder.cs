using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// Demo organisations and one account per role, so a newcomer running `./cop run` sees a living
/// community. Only runs with Seed:Demo=true; safe to run again.
/// </summary>
internal sealed class DemoContentSeeder(AppDbContext db, AccountFactory accounts, IConfiguration configuration) : ISeeder
{
    public const string Password = "Demo-pass-2026!";
    public const string EmailDomain = "demo.communityofpractice.org.uk";

    private static readonly (string Name, string Website)[] _organisations =
    [
        ("Collaborate", "https://collaboratecic.com"),
        ("Lankelly Chase", "https://lankellychase.org.uk"),
        ("Local Trust", "https://localtrust.org.uk"),
        ("Locality", "https://locality.org.uk"),
        ("Power to Change", "https://www.powertochange.org.uk"),
    ];

    private static readonly (string Role, string Name, string Organisation, string[] Places)[] _people =
    [
        (Roles.Admin, "Amara Okafor", "Collaborate", ["Hackney"]),
        (Roles.Host, "Harriet Shaw", "Locality", ["Southwark", "Lambeth"]),
        (Roles.Funder, "Farhan Malik", "Power to Change", ["Greater Manchester"]),
        (Roles.Moderator, "Morgan Evans", "Local Trust", ["Cardiff"]),
        (Roles.Member, "Mei Chen", "Lankelly Chase", ["Hackney", "Tower Hamlets"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Slug, cancellationToken);
        foreach (var (name, website) in _organisations)
        {
            var organisation = Organisation.Create(name, website);
            if (organisations.TryAdd(organisation.Slug, organisation))
            {
                db.Organisations.Add(organisation);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var (role, name, organisationName, placeNames) in _people)
        {
            var roles = role == Roles.Member ? Array.Empty<string>() : [role];
            var member = await accounts.EnsureAsync($"{role}@{EmailDomain}", Password, name, roles, cancellationToken);
            if (member.OrganisationId is null)
            {
                var places = await db.Places.Where(p => placeNames.Contains(p.Name)).ToListAsync(cancellationToken);
                member.UpdateProfile(name, $"{name} works on place-based change with {organisationName}.",
                    organisations[Domain.Common.Slug.From(organisationName)], places);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
