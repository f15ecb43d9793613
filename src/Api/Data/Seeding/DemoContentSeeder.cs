using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// The demo community's people and organisations: one account per role, the webinar's
/// presenters, and people in Hackney and Southwark, each in an organisation with a profile and
/// places (Peckham and Dalston sit inside the boroughs, so their pages show nesting). The
/// threads, events, papers and stage histories that tell the story come after, in
/// <see cref="DemoLibrarySeeder"/>, <see cref="DemoEventsSeeder"/> and <see cref="DemoJourneySeeder"/>.
/// Only runs with Seed:Demo=true; safe to run again.
/// </summary>
internal sealed class DemoContentSeeder(AppDbContext db, AccountFactory accounts, MarkdownRenderer markdown, IConfiguration configuration, TimeProvider clock)
    : ISeeder
{
    public const string Password = "Demo-pass-2026!";
    public const string EmailDomain = "demo.communityofpractice.org.uk";

    public static string Email(string localPart) => $"{localPart}@{EmailDomain}";

    private sealed record DemoOrganisation(string Name, OrganisationKind Kind, string Website, string[] Places, string Description);

    private sealed record DemoPerson(string Account, string Role, string Name, string Organisation, string[] Places, string Bio, bool IsListed = true);

    private static readonly DemoOrganisation[] _organisations =
    [
        new("Collaborate", OrganisationKind.ThinkTank, "https://collaboratecic.com", ["Hackney"],
            "Collaborate helps public services, charities and communities work together on the problems no one of them can solve alone. One of the five conveners of **Power of Place**."),
        new("Lankelly Chase Foundation", OrganisationKind.Funder, "https://lankellychase.org.uk", ["Hackney", "Tower Hamlets"],
            "A foundation working to change the systems that perpetuate severe and multiple disadvantage. One of the five conveners of **Power of Place**."),
        new("Local Trust", OrganisationKind.Funder, "https://localtrust.org.uk", ["Cardiff"],
            "Local Trust puts long-term funding and decisions in the hands of residents. One of the five conveners of **Power of Place**."),
        new("Locality", OrganisationKind.InfrastructureBody, "https://locality.org.uk", ["Southwark", "Lambeth"],
            "The national network of community organisations. One of the five conveners of **Power of Place**."),
        new("Power to Change", OrganisationKind.Funder, "https://www.powertochange.org.uk", ["Hackney", "Southwark", "Greater Manchester"],
            "An independent trust backing community businesses. One of the five conveners of **Power of Place**, and the demo funder's organisation."),
        new("Renaisi", OrganisationKind.SocialEnterprise, "https://renaisi.com", ["Hackney", "Southwark"],
            """
            Renaisi works with places on long-term change.

            - **Hackney**: a network of anchor organisations building community wealth.
            - **Southwark**: the Local Access Partnership, boosting the social economy.

            Authors of the *Funding Place-Based Systemic Change* learning papers.
            """),
        new("Save the Children UK", OrganisationKind.Charity, "https://www.savethechildren.org.uk", ["Southwark"],
            "A children's charity. Its Natsayi Sithole chairs the steering group of the *Funding Place-Based Systemic Change* project."),
        new("Volunteering Matters", OrganisationKind.Charity, "https://volunteeringmatters.org.uk", ["Hackney"],
            "A national volunteering charity working with people in their communities."),
        new("CLES", OrganisationKind.ThinkTank, "https://cles.org.uk", ["Greater Manchester"],
            "The Centre for Local Economic Strategies: a voice for community wealth building and local economies that work for people and place."),
        new("Hackney Council", OrganisationKind.Council, "https://hackney.gov.uk", ["Hackney"],
            "The council of the London Borough of Hackney, a partner in the borough's anchor network."),
        new("Southwark Council", OrganisationKind.Council, "https://www.southwark.gov.uk", ["Southwark"],
            "The council of the London Borough of Southwark, a partner in the Local Access Partnership."),
        new("Peckham Tenants Forum", OrganisationKind.CommunityGroup, "https://peckham-tenants.example.org", ["Peckham"],
            "Tenants and residents associations of Peckham's estates, meeting monthly. They share the repairs budget with the council."),
        new("Hackney Food Network", OrganisationKind.CommunityGroup, "https://hackney-food.example.org", ["Dalston"],
            "Community kitchens, pantries and growers in Dalston and beyond, sharing food, space and volunteers."),
    ];

    private static readonly DemoPerson[] _people =
    [
        new(Roles.Admin, Roles.Admin, "Amara Okafor", "Collaborate", ["Hackney"], "Runs the community platform with Collaborate."),
        new(Roles.Host, Roles.Host, "Harriet Shaw", "Locality", ["Southwark", "Lambeth"], "Hosts the community's gatherings and webinars."),
        new(Roles.Funder, Roles.Funder, "Farhan Malik", "Power to Change", ["Hackney", "Southwark"],
            "Funds community businesses; follows Hackney and Southwark to see how organisations there move through the stages."),
        new(Roles.Moderator, Roles.Moderator, "Morgan Evans", "Local Trust", ["Cardiff"], "Moderates discussions and welcomes new members."),
        new(Roles.Member, Roles.Member, "Mei Chen", "Lankelly Chase Foundation", ["Hackney", "Tower Hamlets"], "Works on place-based change in east London."),
        new("john.hitchin", Roles.Member, "John Hitchin", "Renaisi", ["Hackney", "Southwark"], "Presents the Funding Place-Based Systemic Change framework."),
        new("natsayi.sithole", Roles.Member, "Natsayi Sithole", "Save the Children UK", ["Southwark"], "Chairs the project's steering group."),
        new("stephen.skeet", Roles.Member, "Stephen Skeet", "Volunteering Matters", ["Hackney"], "Presenter at the framework webinar."),
        new("priya.raman", Roles.Member, "Priya Raman", "Hackney Council", ["Hackney"], "Community wealth building lead, Hackney."),
        new("grace.adeyemi", Roles.Member, "Grace Adeyemi", "Southwark Council", ["Southwark"], "Works with the Local Access Partnership."),
        new("dele.mensah", Roles.Member, "Dele Mensah", "Peckham Tenants Forum", ["Peckham"], "Chairs the Peckham Tenants Forum."),
        new("rosa.lindqvist", Roles.Member, "Rosa Lindqvist", "Hackney Food Network", ["Dalston"], "Coordinates the Hackney Food Network's kitchens."),
    ];

    /// <summary>Neighbourhoods of the demo, inside their boroughs.</summary>
    private static readonly (string Name, string Borough)[] _neighbourhoods = [("Peckham", "Southwark"), ("Dalston", "Hackney")];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var places = await NeighbourhoodsAsync(cancellationToken);
        var organisations = await OrganisationsAsync(places, now, cancellationToken);

        foreach (var person in _people)
        {
            var roles = person.Role == Roles.Member ? Array.Empty<string>() : [person.Role];
            var member = await accounts.EnsureAsync(Email(person.Account), Password, person.Name, roles, cancellationToken);
            if (member.OrganisationId is not null)
            {
                continue;
            }

            var organisation = organisations[person.Organisation];
            member.UpdateProfile(person.Name, person.Bio, organisation, [.. person.Places.Select(p => places[p])]);
            member.ChooseListing(person.IsListed ? new DirectoryListing(true, true, true, true) : DirectoryListing.NotListed);
            if (!await db.OrganisationMemberships.AnyAsync(m => m.OrganisationId == organisation.Id, cancellationToken))
            {
                db.OrganisationMemberships.Add(OrganisationMembership.FirstAdmin(organisation.Id, member.Id, now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<Dictionary<string, Place>> NeighbourhoodsAsync(CancellationToken cancellationToken)
    {
        var places = await db.Places.ToDictionaryAsync(p => p.Name, cancellationToken);
        foreach (var (name, borough) in _neighbourhoods.Where(n => !places.ContainsKey(n.Name)))
        {
            var place = Place.Create(name, PlaceKind.Neighbourhood);
            place.MoveInside(places[borough]);
            db.Places.Add(place);
            places[name] = place;
        }

        await db.SaveChangesAsync(cancellationToken);
        return places;
    }

    private async Task<Dictionary<string, Organisation>> OrganisationsAsync(Dictionary<string, Place> places, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Organisations.Include(o => o.Places).ToDictionaryAsync(o => o.Slug, cancellationToken);
        var organisations = new Dictionary<string, Organisation>();
        foreach (var demo in _organisations)
        {
            var slug = Domain.Common.Slug.From(demo.Name);
            if (!existing.TryGetValue(slug, out var organisation))
            {
                organisation = Organisation.Create(demo.Name, demo.Website, now);
                db.Organisations.Add(organisation);
            }

            if (organisation.DescriptionMarkdown is null)
            {
                organisation.UpdateProfile(new Organisation.Profile(demo.Name, demo.Kind, demo.Website, demo.Description, markdown.ToHtml(demo.Description)));
                organisation.WorkIn([.. demo.Places.Select(p => places[p])]);
            }

            organisations[demo.Name] = organisation;
        }

        await db.SaveChangesAsync(cancellationToken);
        return organisations;
    }
}
