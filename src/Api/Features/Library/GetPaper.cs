using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Library;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>A paper with its versions, for anyone who may read it (members-only papers are "not found" to visitors).</summary>
public static class GetPaper
{
    public sealed record Query(LibraryReader Reader, Guid PaperId) : IQuery<PaperDetail>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PaperDetail>
    {
        public async ValueTask<PaperDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await PaperQueries.DetailAsync(db, query.PaperId, query.Reader, cancellationToken)
            ?? throw new NotFoundException("There is no such paper.");
    }
}

internal static class PaperQueries
{
    public static IQueryable<LearningPaper> Readable(this IQueryable<LearningPaper> papers, LibraryReader reader) =>
        reader.IsMember ? papers : papers.Where(p => p.Visibility == PaperVisibility.Public);

    public static async Task<PaperDetail?> DetailAsync(AppDbContext db, Guid paperId, LibraryReader reader, CancellationToken cancellationToken)
    {
        var row = await db.Papers.AsNoTracking().Readable(reader).Where(p => p.Id == paperId)
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
        var canManage = reader.MemberId == p.PublishedById || reader.IsAdmin;
        var versions = row.Versions.Select(v => new PaperVersionView(
            v.Version.Number, v.Version.FileName, v.Version.SizeBytes, v.Version.Sha256, v.Version.PageCount, v.Version.UploadedAt, v.UploadedBy,
            v.Version.Status,
            // Why extraction failed is for the uploader (and admins); others see only the status.
            canManage || reader.MemberId == v.Version.UploadedById ? v.Version.ExtractionError : null,
            PaperLinks.File(p.Id, v.Version.Number))).ToList();
        var current = versions.FirstOrDefault(v => v.Number == p.CurrentVersion);

        // Backlinks: the paper's own thread and every thread whose visible posts link to the paper.
        // Threads are for members, so visitors see none. (A LIKE scan over posts: fine at the
        // community's scale; a link table filled when posts are written is the next step.)
        var key = p.Id.ToString();
        var discussedIn = reader.IsMember
            ? await db.Threads.AsNoTracking()
                .Where(t => t.Id == p.ThreadId
                    || db.Posts.Any(post => post.ThreadId == t.Id && !post.IsDeleted && !post.IsHidden && post.Markdown.Contains(key)))
                .OrderByDescending(t => t.LastActivityAt).Take(20)
                .Select(t => new NamedRef(t.Id, t.Title)).ToListAsync(cancellationToken)
            : [];

        // Events whose published description links to the paper: where it was presented.
        var presentedAt = reader.IsMember
            ? await db.Events.AsNoTracking()
                .Where(e => e.Status != Domain.Events.EventStatus.Draft && e.DescriptionMarkdown.Contains(key))
                .OrderByDescending(e => e.StartsAt).Take(20)
                .Select(e => new NamedRef(e.Id, e.Title)).ToListAsync(cancellationToken)
            : [];
        return new PaperDetail(
            p.Id, p.Title, p.Summary, p.SummaryHtml, p.Type, p.Authors, row.Organisation, p.PublishedOn, row.Places, p.Stages, p.Hashtags,
            p.Licence, p.ExternalUrl, p.Visibility, row.Thread, row.PublishedBy, p.CreatedAt, p.CurrentVersion, current?.Status,
            current is null ? null : PaperLinks.File(p.Id), versions, canManage && p.ExternalUrl is null, discussedIn, presentedAt);
    }
}
