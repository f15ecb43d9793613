namespace CommunityOfPractice.Api.Infrastructure.Mail;

/// <summary>Where mail goes (<c>Email:Smtp:*</c>) and who it is from. Without a host, mail waits in the outbox.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Community of Practice <no-reply@communityofpractice.org.uk>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for mail queued by other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two tries of a message while SMTP is down.</summary>
    public TimeSpan RetryDelayCap { get; set; } = TimeSpan.FromSeconds(60);

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 25;
        public string? UserName { get; set; }
        public string? Password { get; set; }

        /// <summary>StartTls when the server offers it (the default), or None for a local catcher.</summary>
        public string Security { get; set; } = "Auto";
    }
}
