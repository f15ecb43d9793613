using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Journey;
using CommunityOfPractice.Domain.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace CommunityOfPractice.Api.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<StageAssessment> StageAssessments => Set<StageAssessment>();
    public DbSet<AssessmentStatement> AssessmentStatements => Set<AssessmentStatement>();
    public DbSet<DiscussionThread> Threads => Set<DiscussionThread>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<ThreadReader> ThreadReaders => Set<ThreadReader>();
    public DbSet<StoredStreamEvent> StreamEvents => Set<StoredStreamEvent>();
    public DbSet<CommunityEvent> Events => Set<CommunityEvent>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionVote> QuestionVotes => Set<QuestionVote>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<LearningPaper> Papers => Set<LearningPaper>();
    public DbSet<PaperVersion> PaperVersions => Set<PaperVersion>();
    public DbSet<PaperPage> PaperPages => Set<PaperPage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.UseOpenIddict<Guid>();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
