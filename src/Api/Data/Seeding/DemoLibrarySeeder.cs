using System.Security.Cryptography;
using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Api.Features.Library.Storage;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// Demo learning papers, shared by the demo funder: small PDFs generated here at start-up (no
/// binaries in the repository), published through the same use case as an upload. Runs after
/// the demo people and organisations exist (registered after DemoContentSeeder); a paper already there is skipped.
/// </summary>
internal sealed class DemoLibrarySeeder(AppDbContext db, ISender sender, IPaperStorage storage, IConfiguration configuration) : ISeeder
{
    private sealed record DemoPaper(
        string Title, string Summary, PaperType Type, string[] Authors, string Organisation, string[] Places, FrameworkStage[] Stages,
        string[] Hashtags, PaperVisibility Visibility, DateOnly PublishedOn, string[] Pages);

    public const string FrameworkTitle = "Funding Place-Based Systemic Change: the framework";
    public const string HackneyTitle = "Funding Place-Based Systemic Change: Hackney case study";
    public const string SouthwarkTitle = "Funding Place-Based Systemic Change: Southwark case study";

    private static readonly DemoPaper[] _papers =
    [
        new(FrameworkTitle,
            "Renaisi's framework for funding place-based systemic change: five stages a place moves through (Intention, Established, Connection, Mutuality, Systemic) and what funders can do at each. #PowerofPlace",
            PaperType.Framework, ["John Hitchin"], "Renaisi", [], Enum.GetValues<FrameworkStage>(),
            ["PowerofPlace", "Funding"], PaperVisibility.Public, new DateOnly(2025, 3, 12),
            [
                "Funding Place-Based Systemic Change. A framework for funders, councils and community organisations who want change in a place to last.",
                "Intention and Established. A shared intention is named and people gather around it. Then the work finds a home: people, money and ways of working. Funders help most with patient core funding and by not asking for outcomes too early.",
                "Connection and Mutuality. Relationships form across organisations, sectors and residents. Partners then share power, risk and learning as equals. The move from Connection to Mutuality is the one that matters most, and the one funders most often cut short.",
                "Systemic. The way the place works has changed and the change holds. Ten-year commitments, learning partners and shared measures help the change outlast any one grant.",
            ]),
        new(HackneyTitle,
            "How a network of anchor organisations in Hackney builds community wealth: the council, the hospital, colleges and housing associations spending, hiring and owning locally. #PowerofPlace",
            PaperType.CaseStudy, ["John Hitchin"], "Renaisi", ["Hackney"], [FrameworkStage.Connection, FrameworkStage.Mutuality],
            ["PowerofPlace", "CommunityWealth"], PaperVisibility.Public, new DateOnly(2025, 6, 2),
            [
                "Funding Place-Based Systemic Change: Hackney case study. A network of anchor organisations building community wealth.",
                "The anchors: the council, the hospital trust, two colleges and three housing associations. Together they spend over a billion pounds a year and employ one in ten of the borough's workers.",
                "What changed: the anchors agreed shared targets for local hiring and local spending, and now report on them together each year. Residents' networks sit on the board that sets the targets.",
            ]),
        new(SouthwarkTitle,
            "Southwark's Local Access Partnership: funders, the council and community organisations boosting the social economy with blended finance and support.",
            PaperType.CaseStudy, ["John Hitchin"], "Renaisi", ["Southwark"], [FrameworkStage.Connection],
            ["PowerofPlace", "SocialEconomy"], PaperVisibility.Public, new DateOnly(2025, 9, 18),
            [
                "Funding Place-Based Systemic Change: Southwark case study. The Local Access Partnership.",
                "Before: social enterprises in Southwark could not reach the loans and grants meant for them. Trust between funders and local groups was low.",
                "The turning point: tenants and residents associations shared the repairs budget with the council, and the partnership pooled grants and loans so that local groups apply once.",
                "What we learned: start with one estate, pay residents for their time, and publish every decision where people live.",
            ]),
        new("Place resilience: a council and a charity on working as one",
            "A column from a council-charity partnership on place resilience: what keeps a place standing through shocks, with CLES (the Centre for Local Economic Strategies) as a voice on community wealth building.",
            PaperType.Report, ["Grace Adeyemi", "Harriet Shaw"], "Southwark Council", ["Southwark"], [FrameworkStage.Connection, FrameworkStage.Mutuality],
            ["PlaceResilience"], PaperVisibility.Public, new DateOnly(2026, 2, 10),
            [
                "Place resilience: a council and a charity on working as one. A column.",
                "Resilience is not a service the council delivers. It is the web of relationships, spaces and local money that lets a place absorb a shock and recover on its own terms.",
                "As CLES has long argued, community wealth building keeps money circulating locally: anchor spending, fair work, and land and property held for the community.",
                "Our partnership shares one budget line for winter support, one front door for residents, and one set of measures we both answer to.",
            ]),
        new("A practical tool for trust-based grant reporting",
            "A one-page reporting template that replaces quarterly monitoring with a conversation. For members testing it with their funders.",
            PaperType.PracticalTool, ["Farhan Malik"], "Power to Change", ["Greater Manchester"], [FrameworkStage.Established],
            ["Funding"], PaperVisibility.Members, new DateOnly(2026, 1, 20),
            [
                "A practical tool for trust-based grant reporting.",
                "Replace the quarterly monitoring form with a one-hour conversation twice a year: what went well, what was hard, what you learned, what you need from us.",
            ]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var funderId = await db.Users.Where(u => u.Email == DemoContentSeeder.Email(Roles.Funder)).Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (funderId is null)
        {
            return;
        }

        var existing = await db.Papers.Select(p => p.Title).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var places = await db.Places.ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        foreach (var paper in _papers.Where(p => !existing.Contains(p.Title)))
        {
            var bytes = Pdf(paper.Pages);
            var path = Path.Combine(storage.IncomingFolder, $"demo-{Guid.NewGuid():N}");
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            using var file = new ReceivedFile(path, PaperUpload.SafeFileName(paper.Title + ".pdf"), bytes.Length,
                Convert.ToHexStringLower(SHA256.HashData(bytes)));
            await sender.Send(new PublishPaper.Command(
                new Caller(funderId, IsAdmin: false, IsModerator: false, IsHost: false, IsFunder: true),
                new PublishPaperRequest(paper.Title, paper.Summary, paper.Type, paper.Authors, organisations.GetValueOrDefault(paper.Organisation),
                    paper.PublishedOn, [.. paper.Places.Where(places.ContainsKey).Select(p => places[p])], paper.Stages, paper.Hashtags,
                    "CC BY 4.0", null, paper.Visibility, null),
                file), cancellationToken);
        }
    }

    /// <summary>A plain PDF with one page per string, words wrapped at about 90 characters.</summary>
    public static byte[] Pdf(IEnumerable<string> pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 790.0;
            var line = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(null))
            {
                if (word is null || (line.Length + word.Length > 90 && line.Length > 0))
                {
                    page.AddText(line, 11, new PdfPoint(40, y), font);
                    y -= 15;
                    line = string.Empty;
                }

                line = word is null ? line : line.Length == 0 ? word : $"{line} {word}";
            }
        }

        return builder.Build();
    }
}
