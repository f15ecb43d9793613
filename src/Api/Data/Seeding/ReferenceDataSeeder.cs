using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>Roles and the UK places people choose from: needed by every installation.</summary>
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

        await db.SaveChangesAsync(cancellationToken);
    }
}
