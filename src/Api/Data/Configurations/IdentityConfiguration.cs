using CommunityOfPractice.Api.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

// Identity's tables keep their shape but lose the "AspNet" prefix, so SQL reads naturally.
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.PendingEmail).HasMaxLength(256);
        builder.Property(u => u.SuspensionReason).HasMaxLength(AppUser.SuspensionReasonMaxLength);
        builder.Ignore(u => u.IsSuspended);
        // Each Api instance asks every few seconds whose access changed since it last asked.
        builder.HasIndex(u => u.AccessChangedAt).HasFilter("access_changed_at IS NOT NULL");
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.ToTable("roles");
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");
}

internal sealed class SignInAttemptCountConfiguration : IEntityTypeConfiguration<SignInAttemptCount>
{
    public void Configure(EntityTypeBuilder<SignInAttemptCount> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(SignInAttemptCount.KeyMaxLength);
        builder.HasIndex(a => a.LastAttemptAt);
    }
}
