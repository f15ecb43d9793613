using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>The limits the Api enforces on accounts and profiles, for clients that check before sending.</summary>
public static class MemberLimits
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = Member.DisplayNameMaxLength;
    public const int BioMaxLength = Member.BioMaxLength;
    public const int MaxPlaces = Member.MaxPlaces;
}
