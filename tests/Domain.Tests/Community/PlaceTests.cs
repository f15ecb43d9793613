namespace CommunityOfPractice.Domain.Tests.Community;

public sealed class PlaceTests
{
    [Fact]
    public void A_proposed_place_waits_for_approval_and_a_listed_one_does_not()
    {
        var hackney = Place.Create("Hackney", PlaceKind.LondonBorough);
        var proposer = Guid.NewGuid();

        var dalston = Place.Propose("Dalston", PlaceKind.Neighbourhood, hackney.Id, proposer);

        Assert.True(hackney.IsApproved);
        Assert.False(dalston.IsApproved);
        Assert.Equal(hackney.Id, dalston.ParentId);
        Assert.Equal(proposer, dalston.ProposedById);
        dalston.Approve();
        Assert.True(dalston.IsApproved);
    }

    [Fact]
    public void A_place_moves_inside_another_but_not_inside_itself()
    {
        var southwark = Place.Create("Southwark", PlaceKind.LondonBorough);
        var peckham = Place.Create("Peckham", PlaceKind.Neighbourhood);

        peckham.MoveInside(southwark);
        Assert.Equal(southwark.Id, peckham.ParentId);
        Assert.Throws<DomainException>(() => peckham.MoveInside(peckham));
        peckham.MoveInside(null);

        Assert.Null(peckham.ParentId);
    }
}
