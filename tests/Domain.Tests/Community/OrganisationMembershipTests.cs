namespace CommunityOfPractice.Domain.Tests.Community;

public sealed class OrganisationMembershipTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 4, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_proposer_is_the_first_approved_admin()
    {
        var admin = OrganisationMembership.FirstAdmin(Guid.NewGuid(), Guid.NewGuid(), _now);

        Assert.True(admin.IsApprovedAdmin);
    }

    [Fact]
    public void A_claim_is_pending_until_decided_once_by_someone_else()
    {
        var organisation = Guid.NewGuid();
        var claimant = Guid.NewGuid();
        var claim = OrganisationMembership.Claim(organisation, claimant, _now);

        Assert.Equal(MembershipStatus.Pending, claim.Status);
        Assert.Throws<DomainException>(() => claim.Decide(true, claimant, _now));
        claim.Decide(false, Guid.NewGuid(), _now.AddHours(1));

        Assert.Equal(MembershipStatus.Declined, claim.Status);
        Assert.Throws<DomainException>(() => claim.Decide(true, Guid.NewGuid(), _now.AddHours(2)));
    }

    [Fact]
    public void Only_an_approved_member_becomes_an_admin()
    {
        var claim = OrganisationMembership.Claim(Guid.NewGuid(), Guid.NewGuid(), _now);

        Assert.Throws<DomainException>(claim.MakeAdmin);
        claim.Decide(true, Guid.NewGuid(), _now);
        claim.MakeAdmin();

        Assert.True(claim.IsApprovedAdmin);
    }
}
