namespace CommunityOfPractice.Api.Infrastructure.Mail;

/// <summary>
/// The one way anything reaches a person by email: add a message to the caller's unit of work.
/// It is saved by the caller's SaveChanges, in the caller's transaction, and sent after commit.
/// </summary>
public sealed class Outbox(AppDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public OutboxMessage Add(string kind, string to, EmailContent content)
    {
        var message = OutboxMessage.Email(kind, to, content, clock.GetUtcNow());
        db.Set<OutboxMessage>().Add(message);

        // Waking early is harmless: the sender finds nothing until the transaction commits, and polls anyway.
        signal.Wake();
        return message;
    }
}

/// <summary>
/// An email's subject with its plain-text and HTML parts (links in both are absolute), and what
/// some emails carry besides: headers (List-Unsubscribe) and attachments (an event's .ics).
/// </summary>
public sealed record EmailContent(string Subject, string Text, string Html)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file sent with an email; <see cref="ContentType"/> as given, parameters included ("text/calendar; method=REQUEST").</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Wakes the sender when a message is queued here (it also polls, for messages queued by other instances).</summary>
public sealed class OutboxSignal : WakeSignal;
