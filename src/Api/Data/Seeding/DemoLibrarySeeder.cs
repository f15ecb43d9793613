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
/// the demo people exist (registered after DemoContentSeeder); a paper already there is skipped.
/// </summary>
internal sealed class DemoLibrarySeeder(AppDbContext db, ISender sender, IPaperStorage storage, IConfiguration configuration) : ISeeder
{
    private sealed record DemoPaper(
        string Title, string Summary, PaperType Type, string[] Authors, string Organisation, string[] Places, FrameworkStage[] Stages,
        string[] Hashtags, PaperVisibility Visibility, DateOnly PublishedOn, string[] Pages);

    private static readonly DemoPaper[] _papers =
    [
        new("Funding Place-Based Systemic Change: a framework",
            "The framework behind this community: five stages a place moves through, and what funders can do at each. #PowerofPlace",
            PaperType.Framework, ["Farhan Malik", "Amara Okafor"], "Power to Change", [], Enum.GetValues<FrameworkStage>(),
            ["PowerofPlace", "Funding"], PaperVisibility.Public, new DateOnly(2025, 3, 12),
            [
                "Funding Place-Based Systemic Change. A framework for funders, councils and community organisations who want change in a place to last.",
                "Intention and Established. A shared intention is named and people gather around it. Then the work finds a home: people, money and ways of working. Funders help most with patient core funding and by not asking for outcomes too early.",
                "Connection and Mutuality. Relationships form across organisations, sectors and residents. Partners then share power, risk and learning as equals. Funders can pay for the time that relationships take.",
                "Systemic. The way the place works has changed and the change holds. Ten-year commitments, learning partners and shared measures help the change outlast any one grant.",
            ]),
        new("Hackney: neighbourhood networks that residents run",
            "A case study of Hackney's neighbourhood networks, where residents set the agenda rather than being consulted.",
            PaperType.CaseStudy, ["Mei Chen"], "Lankelly Chase", ["Hackney"], [FrameworkStage.Connection, FrameworkStage.Mutuality],
            ["PowerofPlace"], PaperVisibility.Public, new DateOnly(2025, 6, 2),
            [
                "Hackney: neighbourhood networks that residents run. A case study.",
                "Eight neighbourhood networks meet monthly. Residents chair every meeting and decide where the small grants go.",
                "What changed: the council now brings its plans to the networks before it consults, and the networks hold a shared budget for the summer programme.",
            ]),
        new("Southwark: from consultation to co-production on the estates",
            "How tenants and the council in Southwark moved from consultation to co-production, estate by estate.",
            PaperType.CaseStudy, ["Harriet Shaw"], "Locality", ["Southwark"], [FrameworkStage.Connection],
            ["CoProduction"], PaperVisibility.Public, new DateOnly(2025, 9, 18),
            [
                "Southwark: from consultation to co-production on the estates. A case study.",
                "Before: residents were asked for views on plans that were already made. Trust was low and turnout at meetings was falling.",
                "The turning point: tenants and residents associations shared the repairs budget with the council, and agreed the priorities together in open meetings on each estate.",
                "What we learned: start with one estate, pay residents for their time, and publish every decision where people live.",
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

        var funderId = await db.Users.Where(u => u.Email == $"{Roles.Funder}@{DemoContentSeeder.EmailDomain}").Select(u => (Guid?)u.Id)
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
