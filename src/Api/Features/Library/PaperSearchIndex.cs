namespace CommunityOfPractice.Api.Features.Library;

/// <summary>
/// The one place that writes a paper's search columns, in the same transaction as every change to
/// what they are made of:
/// <list type="bullet">
/// <item><c>search_vector</c>, what a query must match: title (A), summary and hashtags (B),
/// authors, organisation and places (C), the current version's text (D);</item>
/// <item><c>rank_vector</c>, what results are sorted by: the same without the text, because ranking
/// reads the whole vector of every match and the text makes it 20–50 times larger (10,000 papers
/// took 150 ms to rank on the full vectors). Papers that match only in their text rank after the
/// ones whose details match, newest first; the snippet still shows where in the text;</item>
/// <item><c>place_ids</c>, the paper's places as an array, for filters and facets.</item>
/// </list>
/// </summary>
public static class PaperSearchIndex
{
    public const string VectorColumn = "SearchVector";
    public const string RankVectorColumn = "RankVector";
    public const string PlaceIdsColumn = "PlaceIds";

    // tsvector has a 1 MB ceiling; the first 400,000 characters of a paper's text are plenty to match it.
    private const int BodyCharacters = 400_000;

    public static Task RefreshAsync(AppDbContext db, Guid paperId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE learning_papers p SET
                place_ids = details.place_ids,
                rank_vector = details.vector,
                search_vector = details.vector
                    || setweight(coalesce((SELECT to_tsvector('english', left(string_agg(pg.text, ' ' ORDER BY pg.number), {BodyCharacters}))
                                           FROM paper_versions v JOIN paper_pages pg ON pg.version_id = v.id
                                           WHERE v.paper_id = p.id AND v.number = p.current_version), ''::tsvector), 'D')
            FROM (
                SELECT x.id,
                       coalesce((SELECT array_agg(lp.places_id ORDER BY lp.places_id) FROM learning_paper_places lp
                                 WHERE lp.learning_paper_id = x.id), ARRAY[]::uuid[]) AS place_ids,
                       setweight(to_tsvector('english', x.title), 'A')
                    || setweight(to_tsvector('english', x.summary || ' ' || array_to_string(x.hashtags, ' ')), 'B')
                    || setweight(to_tsvector('english', array_to_string(x.authors, ' ')
                         || ' ' || coalesce((SELECT o.name FROM organisations o WHERE o.id = x.organisation_id), '')
                         || ' ' || coalesce((SELECT string_agg(pl.name, ' ') FROM learning_paper_places lp
                                             JOIN places pl ON pl.id = lp.places_id WHERE lp.learning_paper_id = x.id), '')), 'C') AS vector
                FROM learning_papers x WHERE x.id = {paperId}
            ) details
            WHERE p.id = details.id
            """, cancellationToken);
}
