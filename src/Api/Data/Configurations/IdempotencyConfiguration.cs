using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.MemberId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.Response).HasColumnType("jsonb");
        builder.Property(r => r.Operation).HasMaxLength(200);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
    }
}
