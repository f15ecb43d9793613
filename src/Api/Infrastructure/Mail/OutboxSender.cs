using CommunityOfPractice.Api.Infrastructure.Telemetry;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommunityOfPractice.Api.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox. Messages are claimed with FOR UPDATE SKIP LOCKED and a lease, so several
/// Api instances share the table and a message held by a crashed one is taken again when its
/// lease runs out. While SMTP is down, messages wait and are retried with a growing delay (capped);
/// a permanent refusal (5xx) is recorded and never retried. Each message carries its outbox id as
/// its Message-Id, so a copy sent twice across a crash between "accepted" and "marked sent" is
/// recognisable as the same message.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EmailOptions> options, TimeProvider clock, AppMetrics metrics, ILogger<OutboxSender> logger)
    : BackgroundService
{
    public const int BatchSize = 20;
    private static readonly TimeSpan _lease = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) == BatchSize)
                {
                }

                await CountWaitingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The outbox could not be read; trying again shortly");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // For the cop.outbox.waiting gauge: what is still to go after a pass (due later, or the server is down).
    private async Task CountWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var waiting = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database
            .SqlQuery<long>($"""SELECT count(*) AS "Value" FROM outbox_messages WHERE sent_at IS NULL AND refused IS NULL""")
            .SingleAsync(cancellationToken);
        metrics.OutboxWaiting(waiting);
    }

    /// <summary>Claims up to <see cref="BatchSize"/> due messages and tries to send them; returns how many were claimed.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            return 0; // no server configured: mail waits
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Claimed>($"""
            UPDATE outbox_messages SET locked_until = {now + _lease}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM outbox_messages
                         WHERE sent_at IS NULL AND refused IS NULL AND next_attempt_at <= {now}
                           AND (locked_until IS NULL OR locked_until < {now})
                         ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT {BatchSize})
            RETURNING id, recipient, subject, text, html, headers::text AS headers, attachments::text AS attachments, attempts
            """).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, Enum.Parse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await smtp.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("The SMTP server {Host}:{Port} is not answering ({Error}); {Count} messages wait", settings.Smtp.Host, settings.Smtp.Port, exception.Message, claimed.Count);
            foreach (var message in claimed)
            {
                await RetryLaterAsync(db, message, cancellationToken);
            }

            return claimed.Count;
        }

        var settled = new HashSet<Guid>();
        try
        {
            await SendClaimedAsync(db, smtp, settings, claimed, settled, cancellationToken);
        }
        finally
        {
            // Stopping (a deploy, a restart): what this instance claimed but did not get to is
            // released at once, so another instance need not wait for the lease to run out.
            var left = claimed.Select(m => m.Id).Where(id => !settled.Contains(id)).ToArray();
            if (left.Length > 0)
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE outbox_messages SET locked_until = NULL WHERE id = ANY({left}) AND sent_at IS NULL", CancellationToken.None);
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return claimed.Count;
    }

    private async Task SendClaimedAsync(
        AppDbContext db, SmtpClient smtp, EmailOptions settings, List<Claimed> claimed, HashSet<Guid> settled, CancellationToken cancellationToken)
    {
        foreach (var message in claimed)
        {
            // Stopping is seen between messages, never during one: a message cut off after the
            // server took it, but before it was marked, would go again after the restart.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await smtp.SendAsync(Mime(settings, message), CancellationToken.None);

                // Accepted: from here on it is marked sent whatever happens to this instance, so a
                // restart cannot send it again (the token of the stopping host must not cut in).
                settled.Add(message.Id);
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE outbox_messages SET sent_at = {clock.GetUtcNow()}, locked_until = NULL WHERE id = {message.Id}", CancellationToken.None);
            }
            catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
            {
                logger.LogWarning("The SMTP server refused message {Id} for good: {Status} {Error}", message.Id, (int)exception.StatusCode, exception.Message);
                var refused = $"{(int)exception.StatusCode} {exception.Message}";
                settled.Add(message.Id);
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE outbox_messages SET refused = {refused}, locked_until = NULL WHERE id = {message.Id}", cancellationToken);

                // The member sees it on their profile, and nothing more is sent there (no retry loop).
                var address = message.Recipient.ToUpperInvariant();
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE users SET email_refused = {refused} WHERE normalized_email = {address}", cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("Message {Id} was not sent ({Error}); it will be tried again", message.Id, exception.Message);
                settled.Add(message.Id);
                await RetryLaterAsync(db, message, cancellationToken);
                if (!smtp.IsConnected)
                {
                    break; // the rest are released below and taken again at once
                }
            }
        }
    }

    private Task RetryLaterAsync(AppDbContext db, Claimed message, CancellationToken cancellationToken)
    {
        // 2, 4, 8 … seconds, never more than RetryDelayCap: a long outage ends with mail flowing within a minute.
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.Attempts), options.Value.RetryDelayCap.TotalSeconds));
        var next = clock.GetUtcNow() + delay;
        return db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET next_attempt_at = {next}, locked_until = NULL WHERE id = {message.Id}", cancellationToken);
    }

    private static MimeMessage Mime(EmailOptions settings, Claimed message)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@communityofpractice" };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        foreach (var (name, value) in message.Headers is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(message.Headers)!)
        {
            mime.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var file in message.Attachments is null ? [] : JsonSerializer.Deserialize<List<EmailAttachment>>(message.Attachments)!)
        {
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private sealed record Claimed(Guid Id, string Recipient, string Subject, string Text, string Html, string? Headers, string? Attachments, int Attempts);
}
