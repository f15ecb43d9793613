namespace CommunityOfPractice.Domain.Tests.Community;

public sealed class JoinRequestTests
{
    private static readonly DateTimeOffset _now = new(2026, 4, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid _moderator = Guid.NewGuid();

    private static JoinRequest Pending() =>
        JoinRequest.Submit(Guid.NewGuid(), Guid.NewGuid(), null, [Guid.NewGuid()], "I run a community hub in Southwark.", _now);

    [Fact]
    public void A_request_is_pending_until_a_moderator_decides()
    {
        var request = Pending();

        Assert.Equal(JoinRequestStatus.Pending, request.Status);
        Assert.Null(request.DecidedAt);
    }

    [Fact]
    public void A_request_is_approved_once_with_the_moderators_message()
    {
        var request = Pending();

        request.Approve(_moderator, " Welcome to the community! ", _now.AddHours(1));

        Assert.Equal(JoinRequestStatus.Approved, request.Status);
        Assert.Equal(_moderator, request.DecidedById);
        Assert.Equal("Welcome to the community!", request.DecisionMessage);
        Assert.Equal(_now.AddHours(1), request.DecidedAt);
        Assert.Throws<DomainException>(() => request.Approve(_moderator, null, _now.AddHours(2)));
        Assert.Throws<DomainException>(() => request.Decline(_moderator, "Changed our mind.", _now.AddHours(2)));
        Assert.Equal(JoinRequestStatus.Approved, request.Status);
    }

    [Fact]
    public void A_declined_request_cannot_be_approved_later()
    {
        var request = Pending();
        request.Decline(_moderator, "We could not find your organisation; please write to us.", _now);

        var error = Assert.Throws<DomainException>(() => request.Approve(_moderator, null, _now.AddDays(1)));

        Assert.Contains("declined", error.Message, StringComparison.Ordinal);
        Assert.Equal(JoinRequestStatus.Declined, request.Status);
    }

    [Fact]
    public void A_decline_tells_the_applicant_why()
    {
        var request = Pending();

        Assert.Throws<DomainException>(() => request.Decline(_moderator, "  ", _now));
        Assert.Equal(JoinRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void A_request_says_why_in_at_most_a_thousand_characters()
    {
        JoinRequest.Submit(Guid.NewGuid(), null, null, [Guid.NewGuid()], new string('a', JoinRequest.WhyMaxLength), _now);

        Assert.Throws<DomainException>(() =>
            JoinRequest.Submit(Guid.NewGuid(), null, null, [Guid.NewGuid()], new string('a', JoinRequest.WhyMaxLength + 1), _now));
        Assert.Throws<DomainException>(() => JoinRequest.Submit(Guid.NewGuid(), null, null, [Guid.NewGuid()], " ", _now));
    }

    [Fact]
    public void A_request_names_an_organisation_here_or_a_new_one_not_both_and_at_least_one_place()
    {
        var proposing = JoinRequest.Submit(Guid.NewGuid(), null, " Peckham Pantry ", [Guid.NewGuid()], "Food hub.", _now);

        Assert.Equal("Peckham Pantry", proposing.ProposedOrganisationName);
        Assert.Throws<DomainException>(() => JoinRequest.Submit(Guid.NewGuid(), Guid.NewGuid(), "Peckham Pantry", [Guid.NewGuid()], "Food hub.", _now));
        Assert.Throws<DomainException>(() => JoinRequest.Submit(Guid.NewGuid(), Guid.NewGuid(), null, [], "Food hub.", _now));
    }
}
