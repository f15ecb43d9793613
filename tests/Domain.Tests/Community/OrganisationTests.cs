namespace CommunityOfPractice.Domain.Tests.Community;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 4, 12, 30, 0, TimeSpan.Zero);

    private static Organisation.Profile Profile(string? website = "https://renaisi.com") =>
        new("Renaisi", OrganisationKind.SocialEnterprise, website, "We work in **Hackney** and Southwark.", "<p>We work in <strong>Hackney</strong> and Southwark.</p>");

    [Theory]
    [InlineData("https://renaisi.com")]
    [InlineData("http://example.org/about")]
    public void A_website_is_a_full_http_or_https_address(string website)
    {
        Assert.Equal(website, Organisation.Propose(Profile(website), [], Guid.NewGuid(), _now).Website);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("renaisi.com")]
    [InlineData("/organisations/renaisi")]
    [InlineData("mailto:hello@example.org")]
    public void Any_other_website_is_refused(string website)
    {
        Assert.Throws<DomainException>(() => Organisation.Propose(Profile(website), [], Guid.NewGuid(), _now));
        Assert.Throws<DomainException>(() => Organisation.Create("Renaisi", website));
        Assert.Throws<DomainException>(() => Organisation.Create("Renaisi").UpdateProfile(Profile(website)));
    }

    [Fact]
    public void A_proposed_organisation_is_unverified_until_an_admin_verifies_it()
    {
        var proposer = Guid.NewGuid();

        var organisation = Organisation.Propose(Profile(), [], proposer, _now);

        Assert.False(organisation.IsVerified);
        Assert.Equal(proposer, organisation.ProposedById);
        Assert.Equal(OrganisationKind.SocialEnterprise, organisation.Kind);
        organisation.Verify();
        Assert.True(organisation.IsVerified);
    }

    [Fact]
    public void An_admins_organisation_is_verified_and_of_kind_other()
    {
        var organisation = Organisation.Create("Locality", "https://locality.org.uk", _now);

        Assert.True(organisation.IsVerified);
        Assert.Equal(OrganisationKind.Other, organisation.Kind);
        Assert.Equal(_now, organisation.CreatedAt);
    }

    [Fact]
    public void A_rename_keeps_the_address_of_the_organisations_page()
    {
        var organisation = Organisation.Propose(Profile(), [], Guid.NewGuid(), _now);

        organisation.UpdateProfile(Profile() with { Name = "Renaisi CIC" });

        Assert.Equal("Renaisi CIC", organisation.Name);
        Assert.Equal("renaisi", organisation.Slug);
    }

    [Fact]
    public void The_places_an_organisation_works_in_are_replaced_as_a_whole()
    {
        var hackney = Place.Create("Hackney", PlaceKind.LondonBorough);
        var southwark = Place.Create("Southwark", PlaceKind.LondonBorough);
        var lambeth = Place.Create("Lambeth", PlaceKind.LondonBorough);
        var organisation = Organisation.Propose(Profile(), [hackney, southwark], Guid.NewGuid(), _now);

        organisation.WorkIn([southwark, lambeth, lambeth]);

        Assert.Equal(["Southwark", "Lambeth"], organisation.Places.Select(p => p.Name));
    }
}
