using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength);
        builder.Property(p => p.Slug).HasMaxLength(Place.NameMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.HasIndex(o => o.Slug).IsUnique();
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DisplayName).HasMaxLength(Member.DisplayNameMaxLength);
        builder.Property(m => m.Bio).HasMaxLength(Member.BioMaxLength);
        builder.HasIndex(m => new { m.DisplayName, m.Id });

        // The profile and the sign-in account are one person: deleting the account deletes the profile.
        builder.HasOne<AppUser>().WithOne().HasForeignKey<Member>(m => m.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Places).WithMany().UsingEntity("member_places");
        builder.Navigation(m => m.Places).HasField("_places").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
