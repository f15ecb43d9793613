using CommunityOfPractice.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>
/// The one place that writes a paper's weighted full-text document: title (A), summary and tags
/// (B), authors, organisation and places (C), the current version's text (D). Called in the same
/// transaction as every change to those.
/// </summary>
public static class PaperSearchIndex
{
    public const string VectorColumn = "SearchVector";

    // tsvector has a 1 MB ceiling; the first 400,000 characters of a paper's text are plenty to rank it.
    private const int BodyCharacters = 400_000;

    public static Task RefreshAsync(AppDbContext db, Guid paperId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE learning_papers p SET search_vector =
                   setweight(to_tsvector('english', p.title), 'A')
                || setweight(to_tsvector('english', p.summary || ' ' || array_to_string(p.hashtags, ' ')), 'B')
                || setweight(to_tsvector('english', array_to_string(p.authors, ' ')
                     || ' ' || coalesce((SELECT o.name FROM organisations o WHERE o.id = p.organisation_id), '')
                     || ' ' || coalesce((SELECT string_agg(pl.name, ' ') FROM learning_paper_places lp
                                         JOIN places pl ON pl.id = lp.places_id WHERE lp.learning_paper_id = p.id), '')), 'C')
                || setweight(coalesce((SELECT to_tsvector('english', left(string_agg(pg.text, ' ' ORDER BY pg.number), {BodyCharacters}))
                                       FROM paper_versions v JOIN paper_pages pg ON pg.version_id = v.id
                                       WHERE v.paper_id = p.id AND v.number = p.current_version), ''::tsvector), 'D')
            WHERE p.id = {paperId}
            """, cancellationToken);
}
