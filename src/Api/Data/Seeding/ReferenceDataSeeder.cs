using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// Roles, the UK places people choose from and the guided self-assessment's statements: needed
/// by every installation.
/// </summary>
internal sealed class ReferenceDataSeeder(AppDbContext db, RoleManager<IdentityRole<Guid>> roles) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        var known = await db.Places.Select(p => p.Slug).ToHashSetAsync(cancellationToken);
        foreach (var (name, kind) in UkPlaces.All)
        {
            var place = Place.Create(name, kind);
            if (known.Add(place.Slug))
            {
                db.Places.Add(place);
            }
        }

        // Statements are admins' data once seeded: only an empty table gets the starting set,
        // so an edited or retired statement never comes back.
        if (!await db.AssessmentStatements.AnyAsync(cancellationToken))
        {
            foreach (var stage in StageStatements.All.GroupBy(s => s.Stage))
            {
                db.AssessmentStatements.AddRange(stage.Select((statement, index) => AssessmentStatement.Create(stage.Key, statement.Text, index + 1)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
