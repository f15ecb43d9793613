using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CommunityOfPractice.LibraryBench;

/// <summary>
/// Synthetic learning papers: deterministic per index (seeded), 2–6 pages of about 300 words each.
/// Each paper is about two of ~25 topics (a few field words each); words come from everyday
/// English, the paper's topics, a dozen words of the field found in nearly every paper, and a
/// long tail of ~6,000 rare words, so topical searches match part of the library and the
/// broadest ones match nearly all of it.
/// </summary>
public static class Corpus
{
    public static readonly string[] Types = ["Report", "CaseStudy", "Framework", "PracticalTool", "Evaluation"];
    public static readonly string[] Stages = ["Intention", "Established", "Connection", "Mutuality", "Systemic"];

    private static readonly string[] _field =
    [
        "place", "systemic", "change", "community", "residents", "council", "funder", "funding", "grant", "trust", "power", "relationships",
        "neighbourhood", "network", "co-production", "consultation", "estate", "tenants", "housing", "health", "wellbeing", "youth", "schools",
        "employment", "skills", "poverty", "inequality", "food", "energy", "climate", "transport", "high", "street", "regeneration",
        "volunteers", "charity", "charities", "partnership", "partners", "collaboration", "learning", "evaluation", "evidence", "outcomes",
        "impact", "measurement", "framework", "stage", "intention", "established", "connection", "mutuality", "leadership", "governance",
        "accountability", "budget", "participatory", "budgeting", "assets", "ownership", "enterprise", "social", "investment", "philanthropy",
        "foundation", "commissioning", "procurement", "services", "public", "sector", "voluntary", "infrastructure", "capacity", "resilience",
        "isolation", "loneliness", "mental", "care", "carers", "disability", "migrants", "refugees", "faith", "culture", "arts", "heritage",
        "library", "park", "green", "space", "allotment", "market", "shops", "businesses", "workers", "wages", "debt", "advice", "benefits",
        "digital", "inclusion", "data", "stories", "listening", "conversations", "gathering", "workshop", "facilitation", "convening",
        "anchor", "institutions", "hospital", "university", "police", "safety", "justice", "prison", "probation", "recovery", "addiction",
        "homelessness", "shelter", "rent", "landlords", "repairs", "damp", "retrofit", "insulation", "solar", "cooperative", "mutual",
        "credit", "union", "pantry", "kitchen", "meals", "holiday", "activities", "sport", "football", "walking", "cycling", "buses",
    ];

    private static readonly string[] _common =
    [
        "the", "and", "of", "to", "in", "a", "that", "is", "for", "with", "as", "was", "on", "by", "we", "they", "this", "are", "be", "it",
        "from", "at", "have", "more", "their", "which", "people", "work", "time", "years", "local", "new", "how", "what", "when", "where",
        "who", "why", "about", "many", "some", "most", "other", "each", "every", "first", "long", "small", "large", "better", "together",
        "across", "between", "within", "without", "through", "after", "before", "during", "towards", "made", "built", "shared", "found",
        "learned", "started", "grew", "moved", "asked", "listened", "tried", "failed", "succeeded", "decided", "agreed", "changed", "kept",
        "helped", "supported", "funded", "paid", "owned", "led", "ran", "met", "visited", "wrote", "read", "heard", "saw", "felt", "knew",
        "slowly", "quickly", "often", "rarely", "always", "never", "sometimes", "again", "still", "already", "really", "mostly", "partly",
    ];

    public sealed record Paper(int Index, string Title, string Summary, string Type, string Stage, int Year, int PlaceIndex, int OrganisationIndex, string[] Pages);

    // Topics: each paper is about two of them, so a topical word is in some papers, not all;
    // a few words of the field ("community", "change"…) are in nearly every paper, as in life.
    private static readonly string[][] _topics = [.. _field.Skip(12).Chunk(6).Select(chunk => chunk.ToArray())];
    private static readonly string[] _everywhere = [.. _field.Take(12)];

    // A long tail of rare words (names, jargon, numbers in words), made from syllables.
    private static readonly string[] _rare = MakeRareWords(6000);

    public static Paper Generate(int index, IReadOnlyList<string> placeNames)
    {
        var random = new Random(1_000_003 * (index + 1));
        var placeIndex = random.Next(placeNames.Count);
        var place = placeNames[placeIndex];
        string[] topicWords = [.. _topics[random.Next(_topics.Length)], .. _topics[random.Next(_topics.Length)]];
        var type = Types[random.Next(Types.Length)];
        var title = $"{Capitalise(Pick(random, topicWords))} and {Pick(random, topicWords)} in {place}: {Pick(random, topicWords)} {Pick(random, _everywhere)}";
        var summary = string.Join(' ', Enumerable.Range(0, 3).Select(_ => Sentence(random, place, topicWords)));
        var pages = Enumerable.Range(0, random.Next(2, 7))
            .Select(_ => string.Join(' ', Enumerable.Range(0, 18).Select(_ => Sentence(random, place, topicWords))))
            .ToArray();
        return new Paper(index, title, summary, type, Stages[random.Next(Stages.Length)], 2016 + random.Next(11), placeIndex,
            random.Next(5), pages);
    }

    public static byte[] Pdf(Paper paper)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in paper.Pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 800.0;
            var line = new System.Text.StringBuilder();
            foreach (var word in text.Split(' '))
            {
                if (line.Length + word.Length > 95)
                {
                    page.AddText(line.ToString(), 10, new PdfPoint(36, y), font);
                    y -= 13;
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            page.AddText(line.ToString(), 10, new PdfPoint(36, y), font);
        }

        return builder.Build();
    }

    private static string Sentence(Random random, string place, string[] topicWords)
    {
        var words = new List<string>();
        var length = random.Next(8, 21);
        for (var i = 0; i < length; i++)
        {
            words.Add(random.Next(100) switch
            {
                < 55 => Word(random, _common),
                < 80 => Pick(random, topicWords),
                < 88 => Word(random, _everywhere),
                < 98 => Word(random, _rare),
                _ => place,
            });
        }

        return Capitalise(string.Join(' ', words)) + ".";
    }

    // Skewed: low indexes far more often than high ones (roughly Zipf-like).
    private static string Word(Random random, string[] words) => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2.2))];

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string[] MakeRareWords(int count)
    {
        string[] syllables = ["ba", "co", "di", "fe", "ga", "hu", "ji", "ka", "lo", "mu", "ne", "po", "ra", "si", "tu", "ve", "wy", "zo", "th", "sh"];
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(_ => string.Concat(Enumerable.Range(0, random.Next(3, 5)).Select(_ => syllables[random.Next(syllables.Length)]))).Distinct()];
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
