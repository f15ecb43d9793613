using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityOfPractice.Api.Tests.Data;

/// <summary>
/// The community and journey model as PostgreSQL keeps it: what is written is read back the
/// same (JSON evidence and answers, the directory listing), and the database's own walls hold
/// (append-only history, one correction per entry, one pending request, no lost invitation use).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CommunityPersistenceTests(ApiFactory api)
{
    private static readonly DateTimeOffset _now = new(2026, 11, 4, 12, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly _today = DateOnly.FromDateTime(_now.UtcDateTime);

    [Fact]
    public async Task The_guided_self_assessment_has_statements_for_every_stage()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var perStage = await db.AssessmentStatements.Where(s => s.IsActive).GroupBy(s => s.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        Assert.Equal(FrameworkStages.InOrder.Order(), perStage.Select(s => s.Key).Order());
        Assert.All(perStage, stage => Assert.InRange(stage.Count, 2, 4));
    }

    [Fact]
    public async Task An_assessment_and_its_correction_are_read_back_as_written_and_never_updated()
    {
        var recorder = await Community.JoinAsync(api.CreateClient, "Recorder");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (organisation, place) = await OrganisationInPlaceAsync(db, recorder.Id);
        var statements = await db.AssessmentStatements.Where(s => s.IsActive).ToListAsync();
        var paper = EvidenceLink.To(EvidenceKind.Paper, Guid.NewGuid());
        var page = EvidenceLink.ToPage("https://renaisi.com/funding-place-based-systemic-change");
        var funder = Guid.NewGuid();
        var entry = new StageAssessment.Entry(
            organisation.Id, place.Id, FrameworkStage.Mutuality, _today.AddDays(-30), "We share the hub with two partners.", "<p>We share the hub with two partners.</p>",
            AssessmentVisibility.Funders, [funder], [paper, page], [recorder.Id]);
        var answers = statements.Select(s => new StatementAnswer(s.Id, s.Stage <= FrameworkStage.Connection ? 5 : 2)).ToList();

        var original = StageAssessment.Record(entry, recorder.Id, _today, _now, new StageAssessment.Guided(answers, statements));
        db.StageAssessments.Add(original);
        await db.SaveChangesAsync();
        var correction = original.CorrectWith(entry with { Stage = FrameworkStage.Connection }, recorder.Id, _today, _now.AddMinutes(1));
        db.StageAssessments.Add(correction);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var read = await db.StageAssessments.AsNoTracking().Where(a => a.OrganisationId == organisation.Id).ToListAsync();
        var back = read.Single(a => a.Id == original.Id);
        Assert.Equal(AssessmentMethod.GuidedOverridden, back.Method);
        Assert.Equal(FrameworkStage.Connection, back.SuggestedStage);
        Assert.Equal([paper, page], back.Evidence);
        Assert.Equal(answers.OrderBy(a => a.StatementId), back.Answers.OrderBy(a => a.StatementId));
        Assert.Equal([funder], back.FunderIds);
        Assert.Equal([recorder.Id], back.AgreedByIds);
        var timeline = StageTimeline.Build(read);
        Assert.Equal([correction.Id], timeline.Select(s => s.Entry.Id));

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.StageAssessments.Where(a => a.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Stage, FrameworkStage.Systemic)));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);

        db.StageAssessments.Add(original.CorrectWith(entry, recorder.Id, _today, _now.AddMinutes(2)));
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, (second.InnerException as PostgresException)?.SqlState);
    }

    [Fact]
    public async Task Profiles_memberships_and_follows_are_read_back_as_written()
    {
        var proposer = await Community.JoinAsync(api.CreateClient, "Proposer");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (organisation, place) = await OrganisationInPlaceAsync(db, proposer.Id);
        var member = await db.Members.SingleAsync(m => m.Id == proposer.Id);
        member.ChooseListing(new DirectoryListing(true, ShowOrganisation: true, ShowPlaces: false, ShowBio: true));
        db.OrganisationMemberships.Add(OrganisationMembership.FirstAdmin(organisation.Id, proposer.Id, _now));
        db.Follows.Add(Follow.Place(proposer.Id, place.Id, _now));
        db.Follows.Add(Follow.Organisation(proposer.Id, organisation.Id, _now));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var back = await db.Organisations.AsNoTracking().Include(o => o.Places).SingleAsync(o => o.Id == organisation.Id);
        Assert.Equal(OrganisationKind.SocialEnterprise, back.Kind);
        Assert.False(back.IsVerified);
        Assert.Equal(proposer.Id, back.ProposedById);
        Assert.Equal([place.Id], back.Places.Select(p => p.Id));
        Assert.Equal("<p>Anchor <em>network</em>.</p>", back.DescriptionHtml);
        var listed = await db.Members.AsNoTracking().SingleAsync(m => m.Id == proposer.Id);
        Assert.True(listed.IsApproved);
        Assert.Equal(new DirectoryListing(true, true, false, true), listed.Listing);
        Assert.True((await db.OrganisationMemberships.SingleAsync(m => m.MemberId == proposer.Id)).IsApprovedAdmin);
        Assert.Equal(2, await db.Follows.CountAsync(f => f.MemberId == proposer.Id));
        Assert.Equal(organisation.Id, (await db.Organisations.Where(o => o.Places.Any(p => p.Id == place.Id)).SingleAsync()).Id);
    }

    [Fact]
    public async Task An_applicant_has_one_pending_request_at_a_time()
    {
        var applicant = await Community.JoinAsync(api.CreateClient, "Applicant");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var southwark = await db.Places.SingleAsync(p => p.Slug == "southwark");
        var first = JoinRequest.Submit(applicant.Id, null, "Peckham Pantry", [southwark.Id], "A food hub.", _now);
        db.JoinRequests.Add(first);
        await db.SaveChangesAsync();

        db.JoinRequests.Add(JoinRequest.Submit(applicant.Id, null, "Peckham Pantry", [southwark.Id], "Again.", _now));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var stored = await db.JoinRequests.SingleAsync(r => r.MemberId == applicant.Id);
        Assert.Equal([southwark.Id], stored.PlaceIds);
        stored.Decline(applicant.Id, "Please name your organisation's website.", _now);
        db.JoinRequests.Add(JoinRequest.Submit(applicant.Id, null, "Peckham Pantry", [southwark.Id], "With the website.", _now));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Two_uses_of_the_same_invitation_at_once_do_not_both_count_on_stale_data()
    {
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator");
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Invitations.Add(Invitation.Create(hash, moderator.Id, null, DateTimeOffset.UtcNow.AddDays(7), 1, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var first = api.Services.CreateAsyncScope();
        await using var second = api.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var other = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var a = await one.Invitations.SingleAsync(i => i.TokenHash == hash);
        var b = await other.Invitations.SingleAsync(i => i.TokenHash == hash);
        a.Use(DateTimeOffset.UtcNow);
        b.Use(DateTimeOffset.UtcNow);

        await one.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => other.SaveChangesAsync());
    }

    private static async Task<(Organisation Organisation, Place Place)> OrganisationInPlaceAsync(AppDbContext db, Guid proposerId)
    {
        var place = Place.Propose($"Dalston {Guid.NewGuid().ToString()[..8]}", PlaceKind.Neighbourhood, null, proposerId);
        db.Places.Add(place);
        var organisation = Organisation.Propose(
            new Organisation.Profile($"Anchor Network {Guid.NewGuid().ToString()[..8]}", OrganisationKind.SocialEnterprise, "https://renaisi.com", "Anchor *network*.", "<p>Anchor <em>network</em>.</p>"),
            [place], proposerId, _now);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return (organisation, place);
    }
}
