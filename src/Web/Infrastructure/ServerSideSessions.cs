using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Web.Infrastructure;

public sealed class SessionOptions
{
    public const string Section = "Session";

    /// <summary>A session unused this long ends (each request slides it on).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>However busy, a session ends this long after its sign-in: the person signs in again.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// The Web's server-side session records. The cookie carries only a random key; the sign-in
/// ticket (identity and the Api's tokens) stays here, encrypted. Signing out deletes the record,
/// so a copied cookie names nothing and is refused. Records live in the distributed cache:
/// Redis when <c>Redis:Configuration</c> is set (several Web instances share it), otherwise this
/// process's memory (one instance; a restart ends every session, and people sign in again).
/// </summary>
public sealed class ServerSideSessions(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock, IOptions<SessionOptions> options)
    : ITicketStore
{
    /// <summary>The ticket property that holds when the session began; the absolute lifetime counts from it.</summary>
    public const string StartedAtItem = ".cop.session.started";

    private const string KeyPrefix = "web-session:";

    private readonly IDataProtector _protector = protection.CreateProtector("CommunityOfPractice.Web.ServerSideSessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        ticket.Properties.Items.TryAdd(StartedAtItem, clock.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        await WriteAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => WriteAsync(key, ticket);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (await cache.GetAsync(KeyPrefix + key) is not { } stored)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // Written under keys this instance no longer has: the same as no session.
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(KeyPrefix + key);

    /// <summary>When the session these properties belong to must end, however busy: its sign-in plus the absolute lifetime.</summary>
    public DateTimeOffset EndsBy(AuthenticationProperties properties) =>
        StartedAt(properties) + options.Value.AbsoluteLifetime;

    private static DateTimeOffset StartedAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(StartedAtItem, out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var startedAt)
            ? startedAt
            : properties.IssuedUtc ?? DateTimeOffset.MinValue;

    private Task WriteAsync(string key, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow();
        var idleEnd = now + options.Value.IdleTimeout;
        var absoluteEnd = EndsBy(ticket.Properties);
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = idleEnd < absoluteEnd ? idleEnd : absoluteEnd };
        return cache.SetAsync(KeyPrefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), entry);
    }
}
