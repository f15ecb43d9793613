using System.Globalization;
using System.Text;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Qa;

/// <summary>
/// The Q&amp;A as this reader may see it: visible questions for everyone, their own questions
/// whatever became of them (with the reason), and the queue and hidden ones for hosts and moderators.
/// </summary>
public static class GetQa
{
    public sealed record Query(Viewer Viewer, Guid EventId, QuestionOrder Order) : IQuery<QaState>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, QaState>
    {
        public async ValueTask<QaState> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = query.Viewer;
            var found = await db.VisibleEventAsync(query.EventId, viewer, cancellationToken);
            var audience = viewer.Audience(found);

            // The sequence numbers first: a change committed after them arrives live and is applied once.
            var lastSeq = await db.LastSeqAsync(CommunityEvent.QaStreamName(found.Id), cancellationToken);
            var moderationSeq = audience.Moderates ? await db.LastSeqAsync(CommunityEvent.QaModerationStreamName(found.Id), cancellationToken) : 0;
            var pinned = await db.Events.Where(e => e.Id == found.Id).Select(e => e.PinnedQuestionId).SingleAsync(cancellationToken);

            var questions = db.Questions.AsNoTracking().Where(q => q.EventId == found.Id);
            if (!audience.Moderates)
            {
                questions = questions.Where(q => q.Status == QuestionStatus.Visible || q.AuthorId == viewer.MemberId);
            }

            var rows = await questions.Select(q => new
            {
                Question = q,
                Name = db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).First(),
                Voted = db.QuestionVotes.Any(v => v.QuestionId == q.Id && v.MemberId == viewer.MemberId),
            }).ToListAsync(cancellationToken);
            var views = rows.Select(r => r.Question.ToView(r.Name, pinned, audience, r.Voted));
            views = query.Order == QuestionOrder.Time
                ? views.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id)
                : views.OrderByDescending(v => v.Votes).ThenBy(v => v.CreatedAt).ThenBy(v => v.Id);

            return new QaState(
                found.Id, found.QaOpen, found.QaRequiresApproval, pinned, lastSeq, moderationSeq,
                found.QaOpen && await db.MayTakePartAsync(found, viewer, cancellationToken), audience.Moderates, [.. views]);
        }
    }
}

/// <summary>
/// While someone types, questions already asked that read alike (PostgreSQL trigram similarity),
/// so they can upvote one instead of asking again. Visible questions only.
/// </summary>
public static class SuggestSimilar
{
    public const double Threshold = 0.2;

    public sealed record Query(Viewer Viewer, Guid EventId, string Text) : IQuery<IReadOnlyList<QuestionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Text).MaximumLength(Question.TextMaxLength)
            .WithMessage($"A question has at most {Question.TextMaxLength} characters.");
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<QuestionView>>
    {
        public async ValueTask<IReadOnlyList<QuestionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Viewer, cancellationToken);
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
            var audience = query.Viewer.Audience(found);
            var questions = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(cancellationToken);
            var views = new List<QuestionView>();
            foreach (var question in ids.Select(id => questions.Single(q => q.Id == id)))
            {
                views.Add(await db.ViewAsync(question, audience, cancellationToken));
            }

            return views;
        }
    }
}

/// <summary>After the event, hosts export the questions with votes and answered state, as CSV or Markdown.</summary>
public static class ExportQuestions
{
    public enum Format
    {
        Csv,
        Markdown,
    }

    public sealed record Query(Viewer Viewer, Guid EventId, Format As) : IQuery<string>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Viewer, cancellationToken);
            if (!query.Viewer.Moderates(found))
            {
                throw new ForbiddenException("Only the event's hosts and moderators export its questions.");
            }

            var rows = await db.Questions.AsNoTracking()
                .Where(q => q.EventId == found.Id && q.Status != QuestionStatus.Merged)
                .OrderByDescending(q => q.VoteCount).ThenBy(q => q.CreatedAt)
                .Select(q => new
                {
                    q.Text,
                    q.VoteCount,
                    q.IsAnswered,
                    q.Status,
                    q.IsAnonymous,
                    q.AnswerMarkdown,
                    q.CreatedAt,
                    Name = db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).First(),
                })
                .ToListAsync(cancellationToken);

            if (query.As == Format.Csv)
            {
                return AttendeeCsv.Csv(csv =>
                {
                    foreach (var heading in new[] { "Question", "Votes", "Answered", "Status", "Asked by", "Asked at (UTC)", "Written answer" })
                    {
                        csv.WriteField(heading);
                    }

                    csv.EndRecord();
                    foreach (var r in rows)
                    {
                        csv.WriteField(r.Text);
                        csv.WriteField(r.VoteCount.ToString(CultureInfo.InvariantCulture));
                        csv.WriteField(r.IsAnswered ? "yes" : "no");
                        csv.WriteField(r.Status.ToString());
                        csv.WriteField(r.IsAnonymous ? $"{r.Name} (anonymous to attendees)" : r.Name);
                        csv.WriteField(r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                        csv.WriteField(r.AnswerMarkdown ?? string.Empty);
                        csv.EndRecord();
                    }
                });
            }

            var markdown = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"# Questions: {found.Title}").AppendLine();
            foreach (var r in rows.Where(r => r.Status == QuestionStatus.Visible))
            {
                markdown.AppendLine(CultureInfo.InvariantCulture, $"- **{r.VoteCount} votes**{(r.IsAnswered ? " (answered)" : string.Empty)}: {r.Text.ReplaceLineEndings(" ")}");
                if (r.AnswerMarkdown is { } answer)
                {
                    markdown.AppendLine(CultureInfo.InvariantCulture, $"  - Answer: {answer.ReplaceLineEndings(" ")}");
                }
            }

            return markdown.ToString();
        }
    }
}
