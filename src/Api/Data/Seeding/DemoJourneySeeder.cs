using CommunityOfPractice.Api.Features.Organisations;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// Where the demo organisations stand in Hackney, Southwark and their neighbourhoods, and how
/// they got there: stage histories recorded through the same use case as the self-assessment
/// tool, with evidence pointing at the demo papers. Renaisi in Hackney and the Peckham Tenants
/// Forum move Connection → Mutuality, so every place page and the demo funder's portfolio show
/// the move that matters most; one entry is shared with named funders only and one is private,
/// so the visibility rules show too. The demo funder follows both boroughs and Renaisi.
/// Runs after the people, papers and events; safe to run again.
/// </summary>
internal sealed class DemoJourneySeeder(AppDbContext db, ISender sender, IConfiguration configuration, TimeProvider clock) : ISeeder
{
    private sealed record Step(string Organisation, string Place, FrameworkStage Stage, string On, string Summary,
        AssessmentVisibility Visibility = AssessmentVisibility.Community, string? Evidence = null);

    private static readonly Step[] _history =
    [
        new("Renaisi", "Hackney", FrameworkStage.Established, "2023-03-15",
            "The anchor network has a home: a coordinator, a small budget and a monthly meeting of the council, the hospital trust and the colleges."),
        new("Renaisi", "Hackney", FrameworkStage.Connection, "2024-06-10",
            "Housing associations and residents' networks joined. Members now bring their hiring and spending plans to each other before they act."),
        new("Renaisi", "Hackney", FrameworkStage.Mutuality, "2025-09-22",
            "The anchors **share targets** for local hiring and spending and report on them together; residents sit on the board that sets them.",
            Evidence: DemoLibrarySeeder.HackneyTitle),
        new("Renaisi", "Southwark", FrameworkStage.Established, "2024-02-01",
            "The Local Access Partnership is set up, with a pooled fund and a steering group of funders and community organisations."),
        new("Renaisi", "Southwark", FrameworkStage.Connection, "2025-10-01",
            "Local groups apply once for grants and loans from every partner; the partners meet the groups as well as each other.",
            Evidence: DemoLibrarySeeder.SouthwarkTitle),
        new("Hackney Council", "Hackney", FrameworkStage.Established, "2024-04-18",
            "Community wealth building is in the council's plan, with a lead officer and a budget."),
        new("Hackney Council", "Hackney", FrameworkStage.Connection, "2025-07-03",
            "The council brings its plans to the neighbourhood networks before it consults."),
        new("Southwark Council", "Southwark", FrameworkStage.Connection, "2024-11-12",
            "A partner in the Local Access Partnership, meeting tenants' associations estate by estate."),
        new("Southwark Council", "Southwark", FrameworkStage.Mutuality, "2026-06-30",
            "Shared the repairs budget with tenants' associations; shared with Power to Change only while the first year's figures are checked.",
            AssessmentVisibility.Funders),
        new("Peckham Tenants Forum", "Peckham", FrameworkStage.Connection, "2024-05-20",
            "Every estate's association meets the council's repairs team each month."),
        new("Peckham Tenants Forum", "Peckham", FrameworkStage.Mutuality, "2026-03-09",
            "Tenants and the council now **decide the repairs priorities together** in open meetings, and share the budget.",
            Evidence: DemoLibrarySeeder.SouthwarkTitle),
        new("Hackney Food Network", "Dalston", FrameworkStage.Intention, "2025-01-27",
            "Six kitchens and pantries agreed they want to share food, space and volunteers."),
        new("Hackney Food Network", "Dalston", FrameworkStage.Established, "2025-11-04",
            "A shared rota and a part-time coordinator, funded for two years."),
        new("Hackney Food Network", "Dalston", FrameworkStage.Connection, "2026-10-15",
            "Talking with the anchor network about local food buying; not ready to share yet.", AssessmentVisibility.Private),
        new("Locality", "Southwark", FrameworkStage.Connection, "2025-04-02",
            "Connects Southwark's community organisations with the Local Access Partnership."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo") || await db.StageAssessments.AnyAsync(cancellationToken))
        {
            return;
        }

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var places = await db.Places.ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var papers = await db.Papers.ToDictionaryAsync(p => p.Title, p => p.Id, cancellationToken);
        var speakers = await db.OrganisationMemberships.Where(m => m.IsAdmin)
            .ToDictionaryAsync(m => m.OrganisationId, m => m.MemberId, cancellationToken);

        foreach (var step in _history)
        {
            var organisationId = organisations[step.Organisation];
            var speaker = speakers[organisationId];
            IReadOnlyList<EvidenceRequest> evidence = step.Evidence is { } title && papers.TryGetValue(title, out var paperId)
                ? [new EvidenceRequest(EvidenceKind.Paper, paperId, null)]
                : [];
            await sender.Send(new RecordAssessment.Command(Caller.Member(speaker), organisationId, new RecordAssessmentRequest(
                places[step.Place], step.Stage, DateOnly.Parse(step.On, System.Globalization.CultureInfo.InvariantCulture), step.Summary, step.Visibility,
                step.Visibility == AssessmentVisibility.Funders ? [organisations["Power to Change"]] : null,
                evidence, [speaker], null, null)), cancellationToken);
        }

        var funder = await db.Users.Where(u => u.Email == DemoContentSeeder.Email(Roles.Funder)).Select(u => u.Id).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.Follows.AddRange(
            Follow.Place(funder, places["Hackney"], now),
            Follow.Place(funder, places["Southwark"], now),
            Follow.Organisation(funder, organisations["Renaisi"], now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
