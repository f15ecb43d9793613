namespace CommunityOfPractice.LibraryBench;

/// <summary>The 50 fixed searches: words, phrases, exclusions, filters alone and with words, odd input.</summary>
public static class Queries
{
    public static IReadOnlyList<string> All(IReadOnlyDictionary<string, Guid> places)
    {
        string Q(string text) => "q=" + Uri.EscapeDataString(text);
        string Place(string name) => "placeId=" + places[name];
        return
        [
            Q("community"), Q("systemic change"), Q("\"systemic change\" -london"), Q("residents"), Q("funding"),
            Q("trust"), Q("co-production"), Q("participatory budgeting"), Q("\"participatory budgeting\""), Q("housing repairs"),
            Q("loneliness isolation"), Q("food pantry"), Q("climate energy retrofit"), Q("anchor institutions"), Q("youth football"),
            Q("homelessness shelter"), Q("mental health carers"), Q("digital inclusion"), Q("social investment"), Q("cooperative or mutual"),
            Q("evaluation evidence outcomes"), Q("leadership governance accountability"), Q("Hackney"), Q("Southwark"), Q("Greater Manchester"),
            Q("neighbourhood network") + "&" + Place("Hackney"), Q("tenants") + "&" + Place("Southwark") + "&stage=Connection",
            Q("funding") + "&stage=Intention", Q("grant") + "&type=Report", Q("learning") + "&type=CaseStudy&type=Framework",
            Q("budget") + "&year=2024", Q("council partnership") + "&year=2020&year=2021", Q("regeneration high street") + "&" + Place("Southwark"),
            Place("Hackney"), Place("Southwark") + "&stage=Connection", "stage=Mutuality", "type=PracticalTool", "year=2025",
            Place("Hackney") + "&" + Place("Southwark") + "&type=Evaluation", string.Empty,
            Q("the"), Q("'"), Q("&"), Q(":*"), Q("\"unbalanced"), Q("residents -council -funding"), Q("zzzz nothing matches"),
            Q("community") + "&page=3", Q("change") + "&limit=50", Q("heritage arts culture library park"),
        ];
    }
}
