using System.Text.Json;

namespace CommunityOfPractice.Api.Infrastructure.Mail;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that causes it
/// (DESIGN.md: the outbox), so a rolled-back change sends nothing and a committed one is never
/// lost. <see cref="OutboxSender"/> claims it with a lease, sends it with its own id as the
/// Message-Id, and marks it sent; a 5xx answer marks the address as refusing, without retrying.
/// </summary>
public sealed class OutboxMessage
{
    public const int SubjectMaxLength = 300;

    private OutboxMessage()
    {
        Kind = Recipient = Subject = Text = Html = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>What it is about ("password-reset", …): for logs, tests and, later, members' choices.</summary>
    public string Kind { get; private set; }

    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public string Text { get; private set; }
    public string Html { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The server's answer when it refused the message for good (a 5xx); null otherwise.</summary>
    public string? Refused { get; private set; }

    /// <summary>Extra headers as a JSON object (name → value), e.g. List-Unsubscribe; null for none.</summary>
    public string? Headers { get; private set; }

    /// <summary>Attachments as a JSON array of <see cref="EmailAttachment"/>; null for none.</summary>
    public string? Attachments { get; private set; }

    public static OutboxMessage Email(string kind, string to, EmailContent content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Recipient = to,
        Subject = content.Subject.Length > SubjectMaxLength ? content.Subject[..SubjectMaxLength] : content.Subject,
        Text = content.Text,
        Html = content.Html,
        Headers = content.Headers.Count == 0 ? null : JsonSerializer.Serialize(content.Headers),
        Attachments = content.Attachments.Count == 0 ? null : JsonSerializer.Serialize(content.Attachments),
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
