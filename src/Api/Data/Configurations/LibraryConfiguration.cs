using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Library;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class LearningPaperConfiguration : IEntityTypeConfiguration<LearningPaper>
{
    public void Configure(EntityTypeBuilder<LearningPaper> builder)
    {
        builder.ToTable("learning_papers");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(LearningPaper.TitleMaxLength);
        builder.Property(p => p.Summary).HasMaxLength(LearningPaper.SummaryMaxLength);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Visibility).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Licence).HasMaxLength(LearningPaper.LicenceMaxLength);
        builder.Property(p => p.ExternalUrl).HasMaxLength(LearningPaper.UrlMaxLength);
        builder.PrimitiveCollection(p => p.Stages).ElementType().HasConversion<string>();
        builder.HasIndex(p => p.HashtagKeys).HasMethod("gin");
        builder.HasIndex(p => p.Stages).HasMethod("gin");
        builder.HasIndex(p => new { p.PublishedOn, p.Id }).IsDescending();

        // Weighted full-text document (title A, summary and tags B, authors, organisation and
        // places C, the current version's text D), kept up to date by PaperSearchIndex in SQL.
        builder.Property<NpgsqlTsVector>(PaperSearchIndex.VectorColumn).HasColumnName("search_vector");
        builder.HasIndex(PaperSearchIndex.VectorColumn).HasMethod("gin");
        // What search sorts by: the same details without the body, small enough to rank thousands
        // of matches in milliseconds (see PaperSearchIndex), and the places as an array for
        // filters and facets without a join per row.
        builder.Property<NpgsqlTsVector>(PaperSearchIndex.RankVectorColumn).HasColumnName("rank_vector");
        builder.Property<Guid[]>(PaperSearchIndex.PlaceIdsColumn).HasColumnName("place_ids").HasDefaultValueSql("'{}'::uuid[]");
        builder.HasIndex(PaperSearchIndex.PlaceIdsColumn).HasMethod("gin");

        builder.HasMany(p => p.Places).WithMany().UsingEntity("learning_paper_places");
        builder.Navigation(p => p.Places).HasField("_places").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperVersionConfiguration : IEntityTypeConfiguration<PaperVersion>
{
    public void Configure(EntityTypeBuilder<PaperVersion> builder)
    {
        builder.ToTable("paper_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.FileName).HasMaxLength(PaperVersion.FileNameMaxLength);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.ExtractionError).HasMaxLength(PaperVersion.ErrorMaxLength);
        builder.HasIndex(v => new { v.PaperId, v.Number }).IsUnique();
        builder.HasIndex(v => v.Sha256);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperPageConfiguration : IEntityTypeConfiguration<PaperPage>
{
    public void Configure(EntityTypeBuilder<PaperPage> builder)
    {
        builder.ToTable("paper_pages");
        builder.HasKey(p => new { p.VersionId, p.Number });
        builder.Property<NpgsqlTsVector>("Vector").HasColumnName("vector")
            .HasComputedColumnSql("to_tsvector('english', text)", stored: true);
        builder.HasIndex("Vector").HasMethod("gin");
        builder.HasOne<PaperVersion>().WithMany().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExtractionJobConfiguration : IEntityTypeConfiguration<ExtractionJob>
{
    public void Configure(EntityTypeBuilder<ExtractionJob> builder)
    {
        builder.ToTable("paper_extraction_jobs");
        builder.HasIndex(j => j.VersionId).IsUnique();
        builder.HasIndex(j => j.LockedUntil);
        builder.HasOne<PaperVersion>().WithMany().HasForeignKey(j => j.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
