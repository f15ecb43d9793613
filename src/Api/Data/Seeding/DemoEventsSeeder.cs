using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// The demo's story in threads and events: the 2019 charter as a pinned thread; #PowerofPlace on
/// 25 April as a past gathering with its registrations and its thread on "why focus on place
/// now?"; and the framework webinar (4 November, 12.30 to 2pm, London time), presented by John
/// Hitchin, Natsayi Sithole and Stephen Skeet, whose description links the Renaisi papers so that
/// each paper shows where it was presented. Runs after the people and the papers; safe to run again.
/// </summary>
internal sealed class DemoEventsSeeder(
    AppDbContext db, AccountFactory accounts, ISender sender, MarkdownRenderer markdown, IConfiguration configuration, TimeProvider clock) : ISeeder
{
    public const string CharterTitle = "The 2019 charter: rethinking how the social sector works in places";
    public const string GatheringTitle = "Power of Place";
    public const string GatheringThreadTitle = "#PowerofPlace: why focus on place now?";
    public const string WebinarTitle = "Funding place-based systemic change: the framework";

    /// <summary>
    /// People who came to the gathering besides the named demo people (100+ were there): accounts
    /// without a password, so that seeding does not spend seconds hashing passwords nobody uses.
    /// </summary>
    public const int GatheringGuests = 100;

    private static readonly TimeZoneInfo _london = TimeZoneInfo.FindSystemTimeZoneById(CommunityEvent.DefaultTimeZone);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoContentSeeder.EmailDomain))
            .ToDictionaryAsync(u => u.Email![..u.Email!.IndexOf('@')], u => u.Id, cancellationToken);
        var places = await db.Places.Where(p => p.Name == "Hackney" || p.Name == "Southwark").ToListAsync(cancellationToken);

        // The demo host works for Locality, which hosts both events (its page lists them).
        var locality = await db.Organisations.Where(o => o.Slug == "locality").Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);

        await SeedCharterAsync(people, places, cancellationToken);
        await SeedGatheringAsync(people, places, locality, cancellationToken);
        await SeedWebinarAsync(people, locality, cancellationToken);
    }

    private async Task SeedCharterAsync(Dictionary<string, Guid> people, List<Place> places, CancellationToken cancellationToken)
    {
        if (await db.Threads.AnyAsync(t => t.Title == CharterTitle, cancellationToken))
        {
            return;
        }

        var charter = await sender.Send(new StartThread.Command(
            Caller.Member(people[Roles.Moderator]), CharterTitle,
            """
            In 2019 a group of national charities, think tanks, social-infrastructure and umbrella organisations pledged to rethink how the social sector works in places. This community grew out of that pledge. Their commitments:

            1. **Share** knowledge, data and tools.
            2. **Make the case** for models of place-based organisation.
            3. **Reform commissioning**, so that money follows what places need.

            Which of the three is your organisation working on? Reply with what you have tried, and what got in the way.
            """,
            [.. places.Select(p => p.Id)], FrameworkStage.Intention, IdempotencyKey: null), cancellationToken);
        var thread = await db.Threads.SingleAsync(t => t.Id == charter.Id, cancellationToken);
        thread.Pin();
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new PostReply.Command(Caller.Member(people["john.hitchin"]), charter.Id,
            "At Renaisi we took the first one literally: the framework and both case studies are in the library, free to reuse. #PowerofPlace", null, null),
            cancellationToken);
    }

    // A past event cannot be registered for through the Api, so the gathering is built as it
    // happened: created and published weeks before, its people registering in the run-up.
    private async Task SeedGatheringAsync(Dictionary<string, Guid> people, List<Place> places, Guid? locality, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(e => e.Title == GatheringTitle, cancellationToken))
        {
            return;
        }

        var today = clock.GetUtcNow();
        var year = today > At(today.Year, 4, 25, 16, 30) ? today.Year : today.Year - 1;
        var starts = At(year, 4, 25, 10, 0);
        var announced = starts.AddDays(-60);
        var description =
            """
            A day together for people changing places, convened by **Collaborate**, **Lankelly Chase Foundation**, **Local Trust**, **Locality** and **Power to Change**. More than 100 people came: practitioners, funders, councils and community organisations.

            The question of the day: *why focus on place now?* #PowerofPlace
            """;
        var thread = await sender.Send(new StartThread.Command(
            Caller.Member(people[Roles.Host]), GatheringThreadTitle,
            """
            Thank you to everyone who came to **Power of Place** on 25 April. We opened with one question: why focus on place now?

            What was your answer, and what did you take home? Reply here and tag it #PowerofPlace.
            """,
            [.. places.Select(p => p.Id)], FrameworkStage.Connection, IdempotencyKey: null), cancellationToken);

        (string Account, string Text)[] replies =
        [
            (Roles.Member, "Because the problems people bring to us do not stop at a service's edge; in a place they meet. Hackney's neighbourhood networks, where residents set the agenda, showed that. #PowerofPlace"),
            (Roles.Funder, "For us as a funder: trust takes years, and our grant cycles are shorter than that. We are looking at **ten-year** commitments in places."),
            ("john.hitchin", "Because national programmes have been tried. The places that changed were the ones where local organisations moved from connection to mutuality: sharing power and risk, not only meeting."),
            (Roles.Moderator, "Notes and slides from the workshops are going into the library. Please keep replies kind and specific."),
        ];
        foreach (var (account, text) in replies)
        {
            await sender.Send(new PostReply.Command(Caller.Member(people[account]), thread.Id, text, null, IdempotencyKey: null), cancellationToken);
        }

        var attendees = new List<Guid>(people.Values);
        for (var i = 1; i <= GatheringGuests; i++)
        {
            var guest = await accounts.EnsureAsync(DemoContentSeeder.Email($"guest{i:000}"), password: null, $"Guest {i:000}", [], cancellationToken);
            attendees.Add(guest.Id);
        }

        // Built last: the use cases above start their own units of work on this context, which
        // would leave a gathering tracked before them detached.
        var tagged = places.Select(p => p.Id).ToList();
        var gathering = CommunityEvent.Create(
            new EventDetails(GatheringTitle, description, markdown.ToHtml(description), EventKind.Gathering, starts, At(year, 4, 25, 16, 30),
                CommunityEvent.DefaultTimeZone, "London", null, FrameworkStage.Connection, 150, null, null, [], ["Organisation"], locality),
            people[Roles.Host], await db.Places.Where(p => tagged.Contains(p.Id)).ToListAsync(cancellationToken), announced);
        gathering.Publish(announced);
        db.Events.Add(gathering);

        gathering.AttachThread(thread.Id);
        var registeredAt = announced;
        foreach (var attendee in attendees.Distinct())
        {
            registeredAt = registeredAt.AddMinutes(30);
            db.Registrations.Add(gathering.Register(attendee, null, ["A member organisation"], listed: people.ContainsValue(attendee), registeredAt));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedWebinarAsync(Dictionary<string, Guid> people, Guid? locality, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(e => e.Title == WebinarTitle, cancellationToken))
        {
            return;
        }

        var papers = await db.Papers
            .Where(p => p.Title == DemoLibrarySeeder.FrameworkTitle || p.Title == DemoLibrarySeeder.HackneyTitle || p.Title == DemoLibrarySeeder.SouthwarkTitle)
            .ToDictionaryAsync(p => p.Title, p => p.Id, cancellationToken);
        string Link(string title, string text) => papers.TryGetValue(title, out var id) ? $"[{text}](/Library/Papers/{id})" : text;

        // The next 4 November, so that a newcomer can register and try the live Q&A.
        var now = clock.GetUtcNow();
        var year = now < At(now.Year, 11, 4, 14, 0) ? now.Year : now.Year + 1;
        var host = Caller.Member(people[Roles.Host], isHost: true);
        var webinar = await sender.Send(new CreateEvent.Command(host, new EventRequest(
            WebinarTitle,
            $"""
            We present the framework behind this community: how a place moves through **Intention, Established, Connection, Mutuality and Systemic**, and what funders can do at each stage.

            Presenters:
            - **John Hitchin**, Renaisi
            - **Natsayi Sithole**, Save the Children UK, chair of the project's steering group
            - **Stephen Skeet**, Volunteering Matters

            Read before: {Link(DemoLibrarySeeder.FrameworkTitle, "the framework")}, and the {Link(DemoLibrarySeeder.HackneyTitle, "Hackney")} and {Link(DemoLibrarySeeder.SouthwarkTitle, "Southwark")} case studies. Bring your questions: ask and upvote them in the live Q&A.
            """,
            EventKind.Webinar, At(year, 11, 4, 12, 30), At(year, 11, 4, 14, 0), CommunityEvent.DefaultTimeZone, null,
            "https://meet.example.org/five-stages", [], null, null, null, null,
            [people["john.hitchin"], people["natsayi.sithole"], people["stephen.skeet"]], [], locality)), cancellationToken);
        await sender.Send(new PublishEvent.Command(host, webinar.Id), cancellationToken);
        await sender.Send(new RegisterForEvent.Command(Caller.Member(people[Roles.Member]), webinar.Id, [], ListMe: true), cancellationToken);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _london.GetUtcOffset(local)).ToUniversalTime();
    }
}
