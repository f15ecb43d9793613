using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>How a paper is read: a summary for search results, and the detail with its versions and backlinks, as one caller may see it.</summary>
internal static class PaperProjection
{
    public static IQueryable<PaperSummary> Summaries(this AppDbContext db, IQueryable<LearningPaper> papers) =>
        papers.AsNoTracking().Select(p => new PaperSummary(
            p.Id, p.Title, p.Type, p.Authors,
            db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => new NamedRef(o.Id, o.Name)).FirstOrDefault(),
            p.PublishedOn,
            p.Places.OrderBy(pl => pl.Name).Select(pl => new NamedRef(pl.Id, pl.Name)).ToList(),
            p.Stages, p.Hashtags, p.Visibility, p.ExternalUrl, p.CurrentVersion,
            p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => (ExtractionStatus?)v.Status).FirstOrDefault(),
            p.Versions.Where(v => v.Number == p.CurrentVersion).Select(v => (int?)v.PageCount).FirstOrDefault(),
            // PaperLinks.File, spelled out: this runs in SQL.
            p.CurrentVersion > 0 ? "/api/v1/papers/" + p.Id + "/file" : null));

    /// <summary>The paper as the caller may see it; null when there is none, or it is not for this caller.</summary>
    public static async Task<PaperDetail?> PaperDetailAsync(this AppDbContext db, Guid paperId, Caller caller, CancellationToken cancellationToken)
    {
        var row = await db.Papers.AsNoTracking().ReadableBy(caller).Where(p => p.Id == paperId)
            .Select(p => new
            {
                Paper = p,
                Organisation = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => new NamedRef(o.Id, o.Name)).FirstOrDefault(),
                Places = p.Places.OrderBy(pl => pl.Name).Select(pl => new NamedRef(pl.Id, pl.Name)).ToList(),
                Thread = db.Threads.Where(t => t.Id == p.ThreadId).Select(t => new NamedRef(t.Id, t.Title)).FirstOrDefault(),
                PublishedBy = db.Members.Where(m => m.Id == p.PublishedById).Select(m => new NamedRef(m.Id, m.DisplayName)).First(),
                Versions = p.Versions.OrderByDescending(v => v.Number).Select(v => new
                {
                    Version = v,
                    UploadedBy = db.Members.Where(m => m.Id == v.UploadedById).Select(m => new NamedRef(m.Id, m.DisplayName)).First(),
                }).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var p = row.Paper;
        var versions = row.Versions.Select(v => new PaperVersionView(
            v.Version.Number, v.Version.FileName, v.Version.SizeBytes, v.Version.Sha256, v.Version.PageCount, v.Version.UploadedAt, v.UploadedBy,
            v.Version.Status,
            caller.SeesExtractionError(p.PublishedById, v.Version.UploadedById) ? v.Version.ExtractionError : null,
            PaperLinks.File(p.Id, v.Version.Number))).ToList();
        var current = versions.FirstOrDefault(v => v.Number == p.CurrentVersion);

        // Backlinks: the paper's own thread and every thread whose visible posts link to the paper.
        // (A LIKE scan over posts: fine at the community's scale; a link table filled when posts
        // are written is the next step.)
        var key = p.Id.ToString();
        var discussedIn = caller.SeesBacklinks()
            ? await db.Threads.AsNoTracking()
                .Where(t => t.Id == p.ThreadId
                    || db.Posts.Any(post => post.ThreadId == t.Id && !post.IsDeleted && !post.IsHidden && post.Markdown.Contains(key)))
                .OrderByDescending(t => t.LastActivityAt).Take(20)
                .Select(t => new NamedRef(t.Id, t.Title)).ToListAsync(cancellationToken)
            : [];

        // Events whose published description links to the paper: where it was presented.
        var presentedAt = caller.SeesBacklinks()
            ? await db.Events.AsNoTracking()
                .Where(e => e.Status != EventStatus.Draft && e.DescriptionMarkdown.Contains(key))
                .OrderByDescending(e => e.StartsAt).Take(20)
                .Select(e => new NamedRef(e.Id, e.Title)).ToListAsync(cancellationToken)
            : [];
        return new PaperDetail(
            p.Id, p.Title, p.Summary, p.SummaryHtml, p.Type, p.Authors, row.Organisation, p.PublishedOn, row.Places, p.Stages, p.Hashtags,
            p.Licence, p.ExternalUrl, p.Visibility, row.Thread, row.PublishedBy, p.CreatedAt, p.CurrentVersion, current?.Status,
            current is null ? null : PaperLinks.File(p.Id), versions, caller.MayAddVersion(p.PublishedById, p.ExternalUrl), discussedIn, presentedAt);
    }
}
