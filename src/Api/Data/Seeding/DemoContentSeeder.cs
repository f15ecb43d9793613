using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// Demo organisations and one account per role, so a newcomer running `./cop run` sees a living
/// community. Only runs with Seed:Demo=true; safe to run again.
/// </summary>
internal sealed class DemoContentSeeder(AppDbContext db, AccountFactory accounts, ISender sender, IConfiguration configuration) : ISeeder
{
    public const string Password = "Demo-pass-2026!";
    public const string EmailDomain = "demo.communityofpractice.org.uk";

    private static readonly (string Name, string Website)[] _organisations =
    [
        ("Collaborate", "https://collaboratecic.com"),
        ("Lankelly Chase", "https://lankellychase.org.uk"),
        ("Local Trust", "https://localtrust.org.uk"),
        ("Locality", "https://locality.org.uk"),
        ("Power to Change", "https://www.powertochange.org.uk"),
    ];

    private static readonly (string Role, string Name, string Organisation, string[] Places)[] _people =
    [
        (Roles.Admin, "Amara Okafor", "Collaborate", ["Hackney"]),
        (Roles.Host, "Harriet Shaw", "Locality", ["Southwark", "Lambeth"]),
        (Roles.Funder, "Farhan Malik", "Power to Change", ["Greater Manchester"]),
        (Roles.Moderator, "Morgan Evans", "Local Trust", ["Cardiff"]),
        (Roles.Member, "Mei Chen", "Lankelly Chase", ["Hackney", "Tower Hamlets"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Slug, cancellationToken);
        foreach (var (name, website) in _organisations)
        {
            var organisation = Organisation.Create(name, website);
            if (organisations.TryAdd(organisation.Slug, organisation))
            {
                db.Organisations.Add(organisation);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var people = new Dictionary<string, Guid>();
        foreach (var (role, name, organisationName, placeNames) in _people)
        {
            var roles = role == Roles.Member ? Array.Empty<string>() : [role];
            var member = await accounts.EnsureAsync($"{role}@{EmailDomain}", Password, name, roles, cancellationToken);
            people[role] = member.Id;
            if (member.OrganisationId is null)
            {
                var places = await db.Places.Where(p => placeNames.Contains(p.Name)).ToListAsync(cancellationToken);
                member.UpdateProfile(name, $"{name} works on place-based change with {organisationName}.",
                    organisations[Domain.Common.Slug.From(organisationName)], places);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await SeedPowerOfPlaceThreadAsync(people, cancellationToken);
        await SeedEventsAsync(people, cancellationToken);
    }

    private async Task SeedPowerOfPlaceThreadAsync(Dictionary<string, Guid> people, CancellationToken cancellationToken)
    {
        const string title = "#PowerofPlace: what we heard at the gathering";
        if (await db.Threads.AnyAsync(t => t.Title == title, cancellationToken))
        {
            return;
        }

        var places = await db.Places.Where(p => p.Name == "Hackney" || p.Name == "Southwark").Select(p => p.Id).ToListAsync(cancellationToken);
        var thread = await sender.Send(new StartThread.Command(
            Caller.Member(people[Roles.Host]), title,
            """
            Thank you to the hundred-plus people from Collaborate, Lankelly Chase, Local Trust, Locality and Power to Change who came to **Power of Place** on 25 April.

            What was the one thing you took home? Reply here and tag it #PowerofPlace.
            """,
            places, FrameworkStage.Connection, IdempotencyKey: null), cancellationToken);

        (string Role, string Text)[] replies =
        [
            (Roles.Member, "The session on Hackney's neighbourhood networks: residents setting the agenda, not only being consulted. #PowerofPlace"),
            (Roles.Funder, "For us as a funder: trust takes years, and our grant cycles are shorter than that. We are looking at **ten-year** commitments."),
            (Roles.Moderator, "Notes and slides from the workshops will be shared in the library. Please keep replies kind and specific."),
        ];
        foreach (var (role, text) in replies)
        {
            await sender.Send(new PostReply.Command(Caller.Member(people[role]), thread.Id, text, null, IdempotencyKey: null), cancellationToken);
        }
    }

    // The two events of the issue: the Power of Place gathering and the framework webinar, next time round.
    private async Task SeedEventsAsync(Dictionary<string, Guid> people, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(cancellationToken))
        {
            return;
        }

        var host = Caller.Member(people[Roles.Host], isHost: true);
        var london = TimeZoneInfo.FindSystemTimeZoneById(CommunityEvent.DefaultTimeZone);
        var year = DateTime.UtcNow.Month > 4 ? DateTime.UtcNow.Year + 1 : DateTime.UtcNow.Year;
        DateTimeOffset At(int y, int month, int day, int hour, int minute)
        {
            var local = new DateTime(y, month, day, hour, minute, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, london.GetUtcOffset(local));
        }

        var places = await db.Places.Where(p => p.Name == "Hackney" || p.Name == "Southwark").Select(p => p.Id).ToListAsync(cancellationToken);
        var gathering = await sender.Send(new CreateEvent.Command(host, new EventRequest(
            "Power of Place", "A day together for people changing places: Collaborate, Lankelly Chase, Local Trust, Locality and Power to Change. #PowerofPlace",
            EventKind.Gathering, At(year, 4, 25, 10, 0), At(year, 4, 25, 16, 30), CommunityEvent.DefaultTimeZone, "Toynbee Hall, London E1",
            null, places, FrameworkStage.Connection, 120, null, null, null, ["Organisation", "Accessibility needs"])), cancellationToken);
        await sender.Send(new PublishEvent.Command(host, gathering.Id), cancellationToken);

        var webinarYear = DateTime.UtcNow.Month > 10 ? DateTime.UtcNow.Year + 1 : DateTime.UtcNow.Year;
        var webinar = await sender.Send(new CreateEvent.Command(host, new EventRequest(
            "The five-stage framework", "We present the community's framework: **Intention, Established, Connection, Mutuality, Systemic**. Bring your questions.",
            EventKind.Webinar, At(webinarYear, 11, 4, 12, 30), At(webinarYear, 11, 4, 14, 0), CommunityEvent.DefaultTimeZone, null,
            "https://meet.example.org/five-stages", [], null, null, null, null, null, [])), cancellationToken);
        await sender.Send(new PublishEvent.Command(host, webinar.Id), cancellationToken);
        await sender.Send(new RegisterForEvent.Command(
            Caller.Member(people[Roles.Member]), webinar.Id, [], ListMe: true), cancellationToken);
    }
}
