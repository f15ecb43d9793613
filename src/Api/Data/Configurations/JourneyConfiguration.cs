using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class StageAssessmentConfiguration : IEntityTypeConfiguration<StageAssessment>
{
    public void Configure(EntityTypeBuilder<StageAssessment> builder)
    {
        builder.ToTable("stage_assessments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SuggestedStage).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SummaryMarkdown).HasMaxLength(StageAssessment.SummaryMaxLength);

        // Evidence and answers are read with their assessment and never queried on their own: JSON.
        builder.ComplexCollection(a => a.Evidence, evidence =>
        {
            evidence.ToJson();
            evidence.Property(e => e.Kind).HasConversion<string>();
        });
        builder.ComplexCollection(a => a.Answers, answers => answers.ToJson());

        // A place's page (its organisations' timelines) and an organisation's page or a portfolio read by date.
        builder.HasIndex(a => new { a.PlaceId, a.AssessedOn });
        builder.HasIndex(a => new { a.OrganisationId, a.AssessedOn });

        // The history is a chain: an assessment is corrected at most once (correct the correction to change it again).
        builder.HasIndex(a => a.CorrectsId).IsUnique();

        // History is kept: an organisation or place with assessments is not deleted by accident.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Place>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StageAssessment>().WithMany().HasForeignKey(a => a.CorrectsId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentStatementConfiguration : IEntityTypeConfiguration<AssessmentStatement>
{
    public void Configure(EntityTypeBuilder<AssessmentStatement> builder)
    {
        builder.ToTable("assessment_statements");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Text).HasMaxLength(AssessmentStatement.TextMaxLength);
    }
}
