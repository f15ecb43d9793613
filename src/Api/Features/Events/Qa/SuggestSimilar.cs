using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>
/// While someone types, questions already asked that read alike (PostgreSQL trigram similarity),
/// so they can upvote one instead of asking again. Visible questions only.
/// </summary>
public static class SuggestSimilar
{
    public const double Threshold = 0.2;

    public sealed record Query(Caller Caller, Guid EventId, string Text) : IQuery<IReadOnlyList<QuestionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Text).MaximumLength(Question.TextMaxLength)
            .WithMessage($"A question has at most {Question.TextMaxLength} characters.");
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<QuestionView>>
    {
        public async ValueTask<IReadOnlyList<QuestionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Caller, cancellationToken);
            if (string.IsNullOrWhiteSpace(query.Text) || query.Text.Trim().Length < 4)
            {
                return [];
            }

            var text = query.Text.Trim();
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM qa_questions
                WHERE event_id = {found.Id} AND status = 'Visible' AND similarity(text, {text}) >= {Threshold}
                ORDER BY similarity(text, {text}) DESC, vote_count DESC
                LIMIT 5
                """).ToListAsync(cancellationToken);
            var moderates = query.Caller.MayModerateQa(found);
            var questions = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(cancellationToken);
            var views = new List<QuestionView>();
            foreach (var question in ids.Select(id => questions.Single(q => q.Id == id)))
            {
                views.Add(await db.ViewAsync(question, query.Caller, moderates, cancellationToken));
            }

            return views;
        }
    }
}
