namespace CommunityOfPractice.Api.Infrastructure.RateLimiting;

/// <summary>
/// How often one member (or, signed out, one address) may do each flood-prone thing
/// (<c>RateLimits</c>). The defaults sit well above what a person does by hand, including a
/// room of people behind one venue's address registering at once; they stop scripts.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary><c>/connect/token</c>, per address. The Web's code exchanges and refreshes for everyone come from its one address, so this is wide; password guessing is slowed by <c>SignInThrottle</c>.</summary>
    public RateLimit Token { get; set; } = new(600, TimeSpan.FromMinutes(1));

    /// <summary>Posts of the sign-in page, per address.</summary>
    public RateLimit SignIn { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Registering (a join request), asking for a reset or confirmation link, setting a new password: per address.</summary>
    public RateLimit Account { get; set; } = new(60, TimeSpan.FromMinutes(10));

    /// <summary>Starting threads and replying.</summary>
    public RateLimit Posts { get; set; } = new(20, TimeSpan.FromMinutes(1));

    /// <summary>Asking Q&amp;A questions.</summary>
    public RateLimit Questions { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Voting on Q&amp;A questions (and taking votes back).</summary>
    public RateLimit Votes { get; set; } = new(120, TimeSpan.FromMinutes(1));

    /// <summary>Publishing papers and their new versions.</summary>
    public RateLimit Uploads { get; set; } = new(30, TimeSpan.FromHours(1));

    /// <summary>Searches and as-you-type look-ups (papers, people, organisations, places, similar questions).</summary>
    public RateLimit Search { get; set; } = new(120, TimeSpan.FromMinutes(1));

    /// <summary>Hub <c>Subscribe</c> calls, reconnects and catch-ups included.</summary>
    public RateLimit Subscribe { get; set; } = new(120, TimeSpan.FromMinutes(1));

    /// <summary>Streams one hub connection may follow at once (a page follows a handful).</summary>
    public int StreamsPerConnection { get; set; } = 50;
}

/// <summary>At most <see cref="PermitLimit"/> in each <see cref="Window"/>; past it, 429 until the window turns.</summary>
public sealed class RateLimit
{
    public RateLimit()
    {
    }

    public RateLimit(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
