using System.Data;
using System.Net;
using System.Text;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;
using Npgsql;
using NpgsqlTypes;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>
/// Full-text search over the papers a reader may see: websearch_to_tsquery (so "systemic change"
/// -london works and odd characters never error) against the weighted document, ranked by where
/// the words are in the details (see PaperSearchIndex), each hit with a snippet from the
/// best-matching page and its number. Facets count what each other filter would
/// give (a facet's own selection does not shrink its own counts). Pages are bounded, not endless.
/// </summary>
public static class SearchPapers
{
    public const int DefaultLimit = LibraryLimits.SearchDefaultLimit;
    public const int MaxLimit = LibraryLimits.SearchMaxLimit;
    public const int MaxPage = LibraryLimits.SearchMaxPage;
    public const int QueryMaxLength = LibraryLimits.SearchQueryMaxLength;
    public const int MaxFilterValues = LibraryLimits.SearchMaxFilterValues;

    // Control characters never survive extraction (PdfReaderProcess.Clean), so they can mark highlights safely.
    private const char StartMark = '\u0002';
    private const char StopMark = '\u0003';
    private const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    public sealed record Query(
        Caller Caller, string? Q, IReadOnlyList<PaperType> Types, IReadOnlyList<Guid> PlaceIds, IReadOnlyList<FrameworkStage> Stages,
        IReadOnlyList<Guid> OrganisationIds, IReadOnlyList<int> Years, int? Page, int? Limit) : IQuery<SearchResults>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(QueryMaxLength).WithMessage($"A search has at most {QueryMaxLength} characters.");
            RuleFor(q => q.Page).InclusiveBetween(1, MaxPage).When(q => q.Page is not null)
                .WithMessage($"Pages go from 1 to {MaxPage}; narrow the search to see more.");
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
                .WithMessage($"Ask for 1 to {MaxLimit} papers at a time.");
            RuleForEach(q => q.Types).IsInEnum().WithMessage("Unknown paper type.");
            RuleForEach(q => q.Stages).IsInEnum().WithMessage("Choose from the five framework stages.");
            RuleFor(q => q.Types.Count + q.PlaceIds.Count + q.Stages.Count + q.OrganisationIds.Count + q.Years.Count)
                .LessThanOrEqualTo(MaxFilterValues).OverridePropertyName("filters")
                .WithMessage($"Choose at most {MaxFilterValues} filters at once.");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, SearchResults>
    {
        public async ValueTask<SearchResults> Handle(Query query, CancellationToken cancellationToken)
        {
            var text = Normalise(query.Q);
            var limit = query.Limit ?? DefaultLimit;
            var page = query.Page ?? 1;
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var opened = connection.State != ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(cancellationToken);
            }

            try
            {
                // One statement: the matches are found once (base is materialised) and the page,
                // the total and the five facets are all read from them. Arrays are unnested in the
                // select list (one pass), not with a join per row (twice the time on 10,000 matches).
                var hits = new List<(Guid Id, double Rank, long Position)>();
                var total = 0;
                var counts = new List<(string Facet, string Value, int Count)>();

                // For a broad query the planner prefers a sequential scan, which must unpack every
                // paper's whole-text vector to test it (10,000 papers: ~100 ms); the GIN index answers
                // the same test without touching them (~10 ms). So, for this statement only, no
                // sequential scan when there are words to look up.
                await using var planning = text is null ? null : await connection.BeginTransactionAsync(cancellationToken);
                if (planning is not null)
                {
                    await using var set = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, planning);
                    await set.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var command = Command(connection, query, text, """
                    , hits AS (
                        -- Top-N of the matches (a heap sort, not a sort of them all), numbered in that order.
                        SELECT id, rank, row_number() OVER () AS position FROM (
                            SELECT id, rank FROM base
                            WHERE type_ok AND place_ok AND stage_ok AND org_ok AND year_ok
                            ORDER BY rank DESC, published_on DESC, id DESC
                            LIMIT @limit OFFSET @offset) top)
                    SELECT 'hit', id::text, rank, position FROM hits
                    UNION ALL
                    SELECT 'total', '', 0, count(*) FROM base WHERE type_ok AND place_ok AND stage_ok AND org_ok AND year_ok
                    UNION ALL
                    SELECT 'type', type, 0, count(*) FROM base WHERE place_ok AND stage_ok AND org_ok AND year_ok GROUP BY type
                    UNION ALL
                    SELECT 'place', pl::text, 0, count(*) FROM (SELECT unnest(place_ids) AS pl FROM base
                      WHERE type_ok AND stage_ok AND org_ok AND year_ok) places GROUP BY pl
                    UNION ALL
                    SELECT 'stage', s, 0, count(*) FROM (SELECT unnest(stages) AS s FROM base
                      WHERE type_ok AND place_ok AND org_ok AND year_ok) stages GROUP BY s
                    UNION ALL
                    SELECT 'organisation', organisation_id::text, 0, count(*) FROM base
                      WHERE organisation_id IS NOT NULL AND type_ok AND place_ok AND stage_ok AND year_ok GROUP BY organisation_id
                    UNION ALL
                    SELECT 'year', year::text, 0, count(*) FROM base WHERE type_ok AND place_ok AND stage_ok AND org_ok GROUP BY year
                    """))
                {
                    command.Transaction = planning;
                    command.Parameters.AddWithValue("limit", limit);
                    command.Parameters.AddWithValue("offset", (page - 1) * limit);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        switch (reader.GetString(0))
                        {
                            case "hit":
                                hits.Add((Guid.Parse(reader.GetString(1)), reader.GetFloat(2), reader.GetInt64(3)));
                                break;
                            case "total":
                                total = (int)reader.GetInt64(3);
                                break;
                            case var facet:
                                counts.Add((facet, reader.GetString(1), (int)reader.GetInt64(3)));
                                break;
                        }
                    }
                }

                if (planning is not null)
                {
                    await planning.CommitAsync(cancellationToken);
                }

                hits.Sort((a, b) => a.Position.CompareTo(b.Position));

                var snippets = new Dictionary<Guid, (int? Page, string Html)>();
                if (text is not null && hits.Count > 0)
                {
                    await using var command = new NpgsqlCommand("""
                        WITH q AS (SELECT websearch_to_tsquery('english', @q) AS query)
                        SELECT p.id, best.number, coalesce(best.snippet, ts_headline('english', left(p.summary, 3000), q.query, @options))
                        FROM learning_papers p CROSS JOIN q
                        LEFT JOIN LATERAL (
                            SELECT pg.number, ts_headline('english', pg.text, q.query, @options) AS snippet
                            FROM paper_versions v JOIN paper_pages pg ON pg.version_id = v.id
                            WHERE v.paper_id = p.id AND v.number = p.current_version AND pg.vector @@ q.query
                            ORDER BY ts_rank_cd(pg.vector, q.query) DESC, pg.number
                            LIMIT 1) best ON true
                        WHERE p.id = ANY(@ids)
                        """, connection);
                    command.Parameters.AddWithValue("q", text);
                    command.Parameters.AddWithValue("options", HeadlineOptions);
                    command.Parameters.AddWithValue("ids", hits.Select(h => h.Id).ToArray());
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        snippets[reader.GetGuid(0)] = (reader.IsDBNull(1) ? null : reader.GetInt32(1), ToHtml(reader.GetString(2)));
                    }
                }

                var ids = hits.Select(h => h.Id).ToList();
                var papers = await db.Summaries(db.Papers.Where(p => ids.Contains(p.Id))).ToDictionaryAsync(p => p.Id, cancellationToken);
                var items = hits.Where(h => papers.ContainsKey(h.Id)).Select(h =>
                {
                    var snippet = snippets.GetValueOrDefault(h.Id);
                    var paper = papers[h.Id];
                    return new SearchHit(paper, snippet.Html, snippet.Page, h.Rank);
                }).ToList();

                return new SearchResults(text, items, total, page, limit, page * limit < total, await FacetsAsync(query, counts, cancellationToken));
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }

        private async Task<SearchFacets> FacetsAsync(Query query, List<(string Facet, string Value, int Count)> counts, CancellationToken cancellationToken)
        {
            IEnumerable<(string Value, int Count)> Of(string facet) => counts.Where(c => c.Facet == facet).Select(c => (c.Value, c.Count));

            var placeIds = Of("place").Select(c => Guid.Parse(c.Value)).Concat(query.PlaceIds).Distinct().ToList();
            var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            var organisationIds = Of("organisation").Select(c => Guid.Parse(c.Value)).Concat(query.OrganisationIds).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

            // Selected values stay listed (with 0) so they can be unticked.
            static IReadOnlyList<FacetValue> Values(IEnumerable<(string Value, int Count)> found, IEnumerable<string> selected, Func<string, string?> label, Func<FacetValue, object> order)
            {
                var selectedSet = selected.ToHashSet(StringComparer.OrdinalIgnoreCase);
                var all = found.ToDictionary(f => f.Value, f => f.Count, StringComparer.OrdinalIgnoreCase);
                foreach (var value in selectedSet)
                {
                    all.TryAdd(value, 0);
                }

                return [.. all.Select(f => (f, Label: label(f.Key))).Where(f => f.Label is not null)
                    .Select(f => new FacetValue(f.f.Key, f.Label!, f.f.Value, selectedSet.Contains(f.f.Key)))
                    .OrderBy(order)];
            }

            return new SearchFacets(
                Values(Of("type"), query.Types.Select(t => t.ToString()), v => Enum.TryParse<PaperType>(v, out var t) ? t.Label() : null,
                    v => Enum.Parse<PaperType>(v.Value)),
                Values(Of("place"), query.PlaceIds.Select(p => p.ToString()), v => places.GetValueOrDefault(Guid.Parse(v)), v => v.Label),
                Values(Of("stage"), query.Stages.Select(s => s.ToString()), v => Enum.TryParse<FrameworkStage>(v, out var s) ? s.ToString() : null,
                    v => Enum.Parse<FrameworkStage>(v.Value)),
                Values(Of("organisation"), query.OrganisationIds.Select(o => o.ToString()), v => organisations.GetValueOrDefault(Guid.Parse(v)), v => v.Label),
                Values(Of("year"), query.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), v => v,
                    v => -int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>What people type, minus characters PostgreSQL text cannot hold; null when nothing is left.</summary>
    public static string? Normalise(string? q)
    {
        if (q is null)
        {
            return null;
        }

        var builder = new StringBuilder(q.Length);
        for (var i = 0; i < q.Length; i++)
        {
            if (char.IsSurrogatePair(q, i))
            {
                builder.Append(q, i++, 2);
            }
            else
            {
                builder.Append(char.IsControl(q[i]) || char.IsSurrogate(q[i]) ? ' ' : q[i]);
            }
        }

        var text = builder.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>ts_headline's output as safe HTML: everything escaped, then the markers become &lt;mark&gt;.</summary>
    public static string ToHtml(string headline) =>
        WebUtility.HtmlEncode(headline).Replace(StartMark.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(StopMark.ToString(), "</mark>", StringComparison.Ordinal);

    // Ranking uses rank_vector (the details only): small, so ranking every match stays cheap.
    private static NpgsqlCommand Command(NpgsqlConnection connection, Query query, string? text, string select)
    {
        var command = new NpgsqlCommand($"""
            WITH q AS (SELECT CASE WHEN @q::text IS NULL THEN NULL ELSE websearch_to_tsquery('english', @q::text) END AS query),
            base AS MATERIALIZED (
                SELECT p.id, p.type, p.organisation_id, p.stages, p.place_ids, p.published_on,
                       extract(year FROM p.published_on)::int AS year,
                       CASE WHEN q.query IS NULL THEN 0 ELSE ts_rank(p.rank_vector, q.query) END AS rank,
                       (cardinality(@types) = 0 OR p.type = ANY(@types)) AS type_ok,
                       (cardinality(@places) = 0 OR p.place_ids && @places) AS place_ok,
                       (cardinality(@stages) = 0 OR p.stages && @stages) AS stage_ok,
                       (cardinality(@organisations) = 0 OR p.organisation_id = ANY(@organisations)) AS org_ok,
                       (cardinality(@years) = 0 OR extract(year FROM p.published_on)::int = ANY(@years)) AS year_ok
                FROM learning_papers p CROSS JOIN q
                WHERE (@members OR p.visibility = 'Public') AND (q.query IS NULL OR p.search_vector @@ q.query)
            )
            {select}
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = (object?)text ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.Types.Select(t => t.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("places", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = query.PlaceIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("stages", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.Stages.Select(s => s.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("organisations", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = query.OrganisationIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("years", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = query.Years.ToArray() });
        command.Parameters.AddWithValue("members", query.Caller.MayReadMembersOnlyPapers());
        return command;
    }
}
