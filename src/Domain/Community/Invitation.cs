using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>
/// A link a moderator or org admin hands out so that people join without waiting for approval.
/// Only the SHA-256 of its secret token is stored (a leaked table opens nothing). It works until
/// it expires or its uses run out, and may preset the organisation the newcomer belongs to.
/// </summary>
public sealed class Invitation
{
    public const int MaxUsesLimit = 500;
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(90);

    private Invitation()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; private set; }

    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public int MaxUses { get; private set; }
    public int Uses { get; private set; }

    /// <summary>The organisation a newcomer joining through this link belongs to (approved), if any.</summary>
    public Guid? OrganisationId { get; private set; }

    public static Invitation Create(
        string tokenHash, Guid createdById, Guid? organisationId, DateTimeOffset expiresAt, int maxUses, DateTimeOffset now)
    {
        if (tokenHash.Length != 64 || !tokenHash.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("An invitation stores the lower-case hex SHA-256 of its token.");
        }

        if (expiresAt <= now || expiresAt - now > LongestLife)
        {
            throw new DomainException($"An invitation expires between now and {LongestLife.TotalDays:0} days from now.");
        }

        if (maxUses is < 1 or > MaxUsesLimit)
        {
            throw new DomainException($"An invitation can be used 1 to {MaxUsesLimit} times.");
        }

        return new Invitation
        {
            Id = Guid.CreateVersion7(),
            TokenHash = tokenHash,
            CreatedById = createdById,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            MaxUses = maxUses,
            OrganisationId = organisationId,
        };
    }

    public bool IsUsable(DateTimeOffset now) => now < ExpiresAt && Uses < MaxUses;

    /// <summary>Counts one use; refuses an expired or used-up link.</summary>
    public void Use(DateTimeOffset now)
    {
        if (now >= ExpiresAt)
        {
            throw new DomainException("This invitation has expired. Ask for a new one.");
        }

        if (Uses >= MaxUses)
        {
            throw new DomainException("This invitation has been used as many times as it allows. Ask for a new one.");
        }

        Uses++;
    }
}
