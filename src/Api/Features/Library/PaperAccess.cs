using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>
/// Who may do what in the library. Anyone reads public papers; approved members read
/// members-only ones too, and to everyone else those are "not found". Funders, hosts and admins
/// publish (the publisher policy); a paper's publisher and admins manage it: new versions, and
/// why a file's text could not be read (which its uploader sees too).
/// </summary>
internal static class PaperAccess
{
    public static bool MayReadMembersOnlyPapers(this Caller caller) => caller.IsMember;

    /// <summary>The papers this caller may read (SearchPapers applies the same rule in its SQL).</summary>
    public static IQueryable<LearningPaper> ReadableBy(this IQueryable<LearningPaper> papers, Caller caller) =>
        caller.MayReadMembersOnlyPapers() ? papers : papers.Where(p => p.Visibility == PaperVisibility.Public);

    public static bool MayManage(this Caller caller, Guid publishedById) => caller.Is(publishedById) || caller.IsAdmin;

    /// <summary>Whether the detail offers this caller a new version: a paper that links elsewhere takes no files.</summary>
    public static bool MayAddVersion(this Caller caller, Guid publishedById, string? externalUrl) =>
        caller.MayManage(publishedById) && externalUrl is null;

    public static bool SeesExtractionError(this Caller caller, Guid publishedById, Guid uploadedById) =>
        caller.MayManage(publishedById) || caller.Is(uploadedById);

    /// <summary>Threads and events are for members, so only members see which of them link to a paper.</summary>
    public static bool SeesBacklinks(this Caller caller) => caller.IsMember;

    /// <summary>The paper a new version is for: 404 when there is no such paper, 403 for anyone but its publisher or an admin.</summary>
    public static async Task<ManagedPaper> PaperToAddVersionToAsync(this AppDbContext db, Caller caller, Guid paperId, CancellationToken cancellationToken)
    {
        var paper = await db.Papers.Where(p => p.Id == paperId).Select(p => new ManagedPaper(p.Id, p.PublishedById, p.ExternalUrl))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("There is no such paper.");
        return caller.MayManage(paper.PublishedById)
            ? paper
            : throw new ForbiddenException("Only the person who published this paper (or an admin) can upload a new version.");
    }
}

/// <summary>What the access rules need to know of a paper its manager is changing.</summary>
internal sealed record ManagedPaper(Guid Id, Guid PublishedById, string? ExternalUrl)
{
    /// <summary>A paper hosted elsewhere is a link: it has no files here.</summary>
    public bool LinksElsewhere => ExternalUrl is not null;
}
