using CommunityOfPractice.Domain.Community;
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

        // A borough keeps its neighbourhoods: it cannot be deleted while places sit inside it.
        builder.HasOne<Place>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.Website).HasMaxLength(Organisation.WebsiteMaxLength);
        builder.Property(o => o.DescriptionMarkdown).HasMaxLength(Organisation.DescriptionMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(o => o.ProposedById).OnDelete(DeleteBehavior.SetNull);

        // "Organisations working in Southwark" reads the join table by place (its second key column has its own index).
        builder.HasMany(o => o.Places).WithMany().UsingEntity("organisation_places");
        builder.Navigation(o => o.Places).HasField("_places").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.ToTable("organisation_memberships");

        // One claim per member and organisation, held by the key.
        builder.HasKey(m => new { m.OrganisationId, m.MemberId });
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => m.MemberId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.DecidedById).OnDelete(DeleteBehavior.SetNull);
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

        // The directory choice lives in the member's row (listing_is_listed, listing_show_bio, ...).
        builder.ComplexProperty(m => m.Listing);

        // The profile shares its id with the sign-in account but outlives it: deleting an account
        // erases the profile (Member.Erase) and keeps the row, so posts, events and assessments
        // keep an author, shown as "Former member". Hence no foreign key to users.
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Places).WithMany().UsingEntity("member_places");
        builder.Navigation(m => m.Places).HasField("_places").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> builder)
    {
        builder.ToTable("join_requests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ProposedOrganisationName).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(r => r.Why).HasMaxLength(JoinRequest.WhyMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DecisionMessage).HasMaxLength(JoinRequest.MessageMaxLength);

        // The moderators' queue, oldest first; an applicant's own requests.
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.MemberId, r.CreatedAt });

        // At most one request waiting per applicant.
        builder.HasIndex(r => r.MemberId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ix_join_requests_one_pending_per_member");
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.CreatedById, i.CreatedAt });

        // Two people using the last place on a link at once: PostgreSQL's xmin makes the second
        // save a concurrency conflict instead of a lost update, and the check is the last wall.
        builder.Property<uint>("Version").IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_invitations_uses", "uses >= 0 AND uses <= max_uses"));
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows");

        // One follow per member and target; the key's first column serves "what do I follow".
        builder.HasKey(f => new { f.MemberId, f.TargetKind, f.TargetId });
        builder.Property(f => f.TargetKind).HasConversion<string>().HasMaxLength(16);

        // Who follows this place or organisation (to tell them of new activity).
        builder.HasIndex(f => new { f.TargetKind, f.TargetId });

        // The target is a place or an organisation, so it has no foreign key; the Api checks it
        // exists when following and readers ignore follows of something gone.
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
