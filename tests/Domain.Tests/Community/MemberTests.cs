namespace CommunityOfPractice.Domain.Tests.Community;

public sealed class MemberTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 4, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void An_applicant_is_approved_once_and_keeps_the_first_approval_time()
    {
        var applicant = Member.Apply(Guid.NewGuid(), "Natsayi", _now);

        Assert.False(applicant.IsApproved);
        applicant.Approve(_now.AddHours(1));
        applicant.Approve(_now.AddHours(2));

        Assert.True(applicant.IsApproved);
        Assert.Equal(_now.AddHours(1), applicant.ApprovedAt);
    }

    [Fact]
    public void Nobody_is_listed_in_the_directory_until_they_choose_to_be()
    {
        var member = Member.Join(Guid.NewGuid(), "John", _now);

        Assert.True(member.IsApproved);
        Assert.False(member.Listing.IsListed);
        member.ChooseListing(new DirectoryListing(IsListed: true, ShowOrganisation: true, ShowPlaces: false, ShowBio: false));

        Assert.True(member.Listing.IsListed);
        Assert.True(member.Listing.ShowOrganisation);
        Assert.False(member.Listing.ShowPlaces);
    }
}
