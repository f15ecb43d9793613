using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// How sign-in attempts slow down (<c>SignInThrottle</c>): a few free attempts, then each next
/// one waits twice as long as the one before, up to a ceiling; the count is forgotten after a
/// quiet spell. Nobody is ever locked out: the owner waits at worst <see cref="ThrottleRule.MaxDelay"/>
/// and, on a remembered device, not at all. See ADR 0012.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignInThrottle";

    /// <summary>Attempts at one email address, from anywhere.</summary>
    public ThrottleRule Account { get; set; } = new() { FreeAttempts = 5, ForgetAfter = TimeSpan.FromDays(1) };

    /// <summary>Failed attempts from one network address, at any email address (a venue's people share one).</summary>
    public ThrottleRule Address { get; set; } = new() { FreeAttempts = 30, ForgetAfter = TimeSpan.FromHours(1) };
}

public sealed class ThrottleRule
{
    public int FreeAttempts { get; set; }

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ForgetAfter { get; set; }

    /// <summary>How long after the last of <paramref name="attempts"/> the next one may come.</summary>
    public TimeSpan DelayAfter(int attempts) => attempts < FreeAttempts
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, (long)Math.Min(long.MaxValue, FirstDelay.Ticks * Math.Pow(2, Math.Min(attempts - FreeAttempts, 30)))));
}

/// <summary>
/// Counts sign-in attempts per email address and per network address in <c>sign_in_attempts</c>,
/// shared by every Api instance. An attempt is counted before the password is checked, in one
/// upsert that refuses it while its wait has not passed: concurrent guesses queue on the row and
/// cannot slip through together. A success forgets the account's count and gives the address its
/// attempt back; a refused attempt checks no password and answers 429 at once, holding no thread.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Takes one attempt for this address and (unless <paramref name="rememberedDevice"/>) for this
    /// account; throws <see cref="TooManyRequestsException"/> when either must wait.
    /// </summary>
    public async Task<Attempt> BeginAsync(string? email, IPAddress? address, bool rememberedDevice, CancellationToken cancellationToken)
    {
        var rules = options.CurrentValue;
        var attempt = new Attempt(AccountKey(email), AddressKey(address), rememberedDevice);
        await ClaimAsync(attempt.AddressKey, rules.Address, cancellationToken);
        if (!rememberedDevice)
        {
            await ClaimAsync(attempt.AccountKey, rules.Account, cancellationToken);
        }

        return attempt;
    }

    /// <summary>The password was right: the account starts afresh and the address gets its attempt back.</summary>
    public async Task SucceededAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        // From a remembered device the account's count stays: it is someone else's guessing.
        if (!attempt.RememberedDevice)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_attempts WHERE key = {attempt.AccountKey}", cancellationToken);
        }

        await db.Database.ExecuteSqlAsync(
            $"UPDATE sign_in_attempts SET attempts = greatest(attempts - 1, 0) WHERE key = {attempt.AddressKey}", cancellationToken);
    }

    /// <summary>Forgets counts nobody has added to for longer than their rule remembers.</summary>
    public async Task<int> ForgetQuietAsync(CancellationToken cancellationToken)
    {
        var rules = options.CurrentValue;
        var now = clock.GetUtcNow();
        return await db.Database.ExecuteSqlAsync($"""
            DELETE FROM sign_in_attempts
            WHERE (key LIKE 'account:%' AND last_attempt_at < {now - rules.Account.ForgetAfter})
               OR (key LIKE 'address:%' AND last_attempt_at < {now - rules.Address.ForgetAfter})
            """, cancellationToken);
    }

    private async Task ClaimAsync(string key, ThrottleRule rule, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var forgotten = now - rule.ForgetAfter;
        var exponentCap = 30;
        var claimed = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_attempts AS a (key, attempts, last_attempt_at) VALUES ({key}, 1, {now})
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN a.last_attempt_at < {forgotten} THEN 1 ELSE a.attempts + 1 END,
                last_attempt_at = {now}
            WHERE a.last_attempt_at < {forgotten}
               OR a.attempts < {rule.FreeAttempts}
               OR a.last_attempt_at + least({rule.MaxDelay}, {rule.FirstDelay} * power(2, least(a.attempts - {rule.FreeAttempts}, {exponentCap}))) <= {now}
            RETURNING a.attempts AS "Value"
            """).ToListAsync(cancellationToken);
        if (claimed.Count > 0)
        {
            return;
        }

        var stored = await db.Database.SqlQuery<Stored>(
            $"SELECT attempts, last_attempt_at FROM sign_in_attempts WHERE key = {key}").SingleAsync(cancellationToken);
        var wait = stored.LastAttemptAt + rule.DelayAfter(stored.Attempts) - now;
        throw new TooManyRequestsException(wait,
            $"Too many sign-in attempts. Try again in {TooManyRequestsException.Describe(wait)}. On a device you have signed in from before, you can sign in now on the sign-in page.");
    }

    // Email addresses are kept hashed: the table holds what strangers typed, and needs no more
    // than "the same address again". Unknown addresses count like known ones, so the answers
    // do not tell which addresses have accounts.
    private static string AccountKey(string? email) =>
        "account:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((email ?? string.Empty).Trim().ToUpperInvariant())));

    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");

    public sealed record Attempt(string AccountKey, string AddressKey, bool RememberedDevice);

    private sealed record Stored(int Attempts, DateTimeOffset LastAttemptAt);
}

/// <summary>One row per email address or network address that tried to sign in lately.</summary>
public sealed class SignInAttemptCount
{
    public const int KeyMaxLength = 100;

    public string Key { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public DateTimeOffset LastAttemptAt { get; set; }
}

/// <summary>Hourly, drops counts nobody added to lately, so the table holds only the recent few.</summary>
public sealed class SignInAttemptSweeper(IServiceScopeFactory scopes, ILogger<SignInAttemptSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SignInThrottle>().ForgetQuietAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Old sign-in attempt counts could not be dropped; trying again in an hour");
            }
        }
    }
}
