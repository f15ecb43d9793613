using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Journey;

/// <summary>What a piece of evidence points to. Stored by name.</summary>
public enum EvidenceKind
{
    Paper = 1,
    Thread = 2,
    Event = 3,
    Url = 4,
}

/// <summary>
/// Evidence for an assessment: a paper, thread or event here (by id), or an http(s) page
/// elsewhere. That the thing exists and the reader may see it is checked by the Api.
/// </summary>
public sealed record EvidenceLink(EvidenceKind Kind, Guid? TargetId, string? Url)
{
    public static EvidenceLink To(EvidenceKind kind, Guid targetId) => new EvidenceLink(kind, targetId, null).Checked();

    public static EvidenceLink ToPage(string url) => new EvidenceLink(EvidenceKind.Url, null, url.Trim()).Checked();

    /// <summary>This link, or a DomainException saying what is wrong with it.</summary>
    public EvidenceLink Checked()
    {
        if (Kind == EvidenceKind.Url)
        {
            return TargetId is null && WebAddress.IsHttp(Url) && Url!.Length <= WebAddress.MaxLength
                ? this with { Url = Url.Trim() }
                : throw new DomainException("Evidence elsewhere is a full http or https address, like https://example.org/report.");
        }

        return Enum.IsDefined(Kind) && TargetId is { } id && id != Guid.Empty && Url is null
            ? this
            : throw new DomainException("Evidence here names the paper, thread or event it points to.");
    }
}
