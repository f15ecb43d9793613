namespace CommunityOfPractice.Domain.Tests.Community;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 4, 12, 30, 0, TimeSpan.Zero);
    private static readonly string _hash = new('a', 64);

    private static Invitation Create(int maxUses = 2, TimeSpan? life = null) =>
        Invitation.Create(_hash, Guid.NewGuid(), null, _now + (life ?? TimeSpan.FromDays(7)), maxUses, _now);

    [Fact]
    public void An_invitation_is_used_up_to_its_limit_and_then_refused()
    {
        var invitation = Create(maxUses: 2);

        invitation.Use(_now);
        invitation.Use(_now.AddMinutes(1));
        var error = Assert.Throws<DomainException>(() => invitation.Use(_now.AddMinutes(2)));

        Assert.Equal(2, invitation.Uses);
        Assert.Contains("used", error.Message, StringComparison.Ordinal);
        Assert.False(invitation.IsUsable(_now.AddMinutes(2)));
    }

    [Fact]
    public void An_invitation_is_refused_from_the_moment_it_expires()
    {
        var invitation = Create(life: TimeSpan.FromDays(1));

        invitation.Use(_now.AddDays(1).AddTicks(-1));
        var error = Assert.Throws<DomainException>(() => invitation.Use(_now.AddDays(1)));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, invitation.Uses);
    }

    [Fact]
    public void An_invitation_expires_in_the_future_within_ninety_days_and_allows_some_uses()
    {
        Assert.Throws<DomainException>(() => Create(life: TimeSpan.Zero));
        Assert.Throws<DomainException>(() => Create(life: Invitation.LongestLife + TimeSpan.FromSeconds(1)));
        Assert.Throws<DomainException>(() => Create(maxUses: 0));
        Assert.Throws<DomainException>(() => Create(maxUses: Invitation.MaxUsesLimit + 1));
    }

    [Fact]
    public void An_invitation_stores_only_the_hash_of_its_token()
    {
        Assert.Throws<DomainException>(() => Invitation.Create("my-secret-token", Guid.NewGuid(), null, _now.AddDays(1), 1, _now));
        Assert.Throws<DomainException>(() => Invitation.Create(new string('A', 64), Guid.NewGuid(), null, _now.AddDays(1), 1, _now));
    }
}
