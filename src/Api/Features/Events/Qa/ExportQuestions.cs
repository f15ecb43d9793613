using System.Globalization;
using System.Text;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>After the event, hosts export the questions with votes and answered state, as CSV or Markdown.</summary>
public static class ExportQuestions
{
    public enum Format
    {
        Csv,
        Markdown,
    }

    public sealed record Query(Caller Caller, Guid EventId, Format As) : IQuery<string>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Caller, cancellationToken);
            if (!query.Caller.MayModerateQa(found))
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
