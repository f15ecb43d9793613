using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Events;

public enum QuestionStatus
{
    Pending = 1,
    Visible = 2,
    Hidden = 3,
    Merged = 4,
}

/// <summary>
/// A question in an event's live Q&amp;A. Votes are rows with the key (question, member), so one
/// vote per person holds in the database; <see cref="VoteCount"/> follows them in the same transaction.
/// </summary>
public sealed class Question
{
    public const int TextMaxLength = 500;
    public const int AnswerMaxLength = 10_000;
    public const int ReasonMaxLength = 500;

    private Question()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; }
    public bool IsAnonymous { get; private set; }
    public QuestionStatus Status { get; private set; }
    public string? ModerationReason { get; private set; }
    public bool IsAnswered { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnswerMarkdown { get; private set; }
    public string? AnswerHtml { get; private set; }
    public int VoteCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public Guid? MergedIntoId { get; private set; }

    /// <summary>Set when a written answer arrives after the event: the asker is told through it.</summary>
    public string? Notice { get; private set; }

    public static Question Ask(CommunityEvent onEvent, Guid authorId, string text, bool anonymous, DateTimeOffset now)
    {
        if (!onEvent.QaOpen)
        {
            throw new DomainException("The Q&A for this event is closed.");
        }

        return new Question
        {
            Id = Guid.CreateVersion7(),
            EventId = onEvent.Id,
            AuthorId = authorId,
            Text = RequireText(text),
            IsAnonymous = anonymous,
            Status = onEvent.QaRequiresApproval ? QuestionStatus.Pending : QuestionStatus.Visible,
            CreatedAt = now,
        };
    }

    public void Approve()
    {
        if (Status is QuestionStatus.Merged)
        {
            throw new DomainException("This question was merged into another.");
        }

        Status = QuestionStatus.Visible;
        ModerationReason = null;
    }

    public void Hide(string reason)
    {
        if (Status is QuestionStatus.Merged)
        {
            throw new DomainException("This question was merged into another.");
        }

        Status = QuestionStatus.Hidden;
        ModerationReason = reason.Trim();
    }

    public const string ErasedText = "This question was removed by the person who asked it.";

    /// <summary>Its asker left and asked for what they wrote to go: the words go, the place in the list (and its votes) stays.</summary>
    public void EraseContent()
    {
        Text = ErasedText;
        IsAnonymous = true;
    }

    public void Edit(string text, DateTimeOffset now)
    {
        Text = RequireText(text);
        EditedAt = now;
    }

    public void MarkAnswered(bool answered, DateTimeOffset now)
    {
        IsAnswered = answered;
        AnsweredAt = answered ? now : null;
    }

    public void AnswerInWriting(string markdown, string html, DateTimeOffset now)
    {
        AnswerMarkdown = markdown;
        AnswerHtml = html;
        IsAnswered = true;
        AnsweredAt ??= now;
        Notice = "The hosts answered your question in writing.";
    }

    public void MergeInto(Question target)
    {
        if (target.Id == Id || target.EventId != EventId)
        {
            throw new DomainException("A question merges into another question of the same event.");
        }

        if (target.Status is QuestionStatus.Merged || Status is QuestionStatus.Merged)
        {
            throw new DomainException("This question was already merged.");
        }

        Status = QuestionStatus.Merged;
        MergedIntoId = target.Id;
        ModerationReason = "Merged into a similar question; your vote counts there.";
    }

    private static string RequireText(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is 0 or > TextMaxLength
            ? throw new DomainException($"A question has 1 to {TextMaxLength} characters.")
            : trimmed;
    }
}

/// <summary>One member's vote for one question; the pair is the key.</summary>
public sealed class QuestionVote
{
    public required Guid QuestionId { get; init; }
    public required Guid MemberId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A member's secret calendar feed: only a hash of the token is kept.</summary>
public sealed class CalendarFeed
{
    public required Guid MemberId { get; init; }
    public required string TokenHash { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
}
