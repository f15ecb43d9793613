using System.Threading.RateLimiting;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Keeps one member from flooding the hub: <c>Subscribe</c> calls per member (or address) are
/// rate limited like the Api's endpoints (<c>RateLimits:Subscribe</c>), and one connection follows
/// at most <c>RateLimits:StreamsPerConnection</c> streams. A refusal is a hub error saying what to
/// do; nothing waits. Apart from the hub so the hub's own rules stay readable there.
/// </summary>
public sealed class SubscriptionLimits : IHubFilter, IDisposable
{
    private static readonly object _streamsKey = new();

    private readonly IOptionsMonitor<RateLimitOptions> _options;
    private readonly PartitionedRateLimiter<string> _subscribes;

    public SubscriptionLimits(IOptionsMonitor<RateLimitOptions> options)
    {
        _options = options;
        _subscribes = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
        {
            var limit = _options.CurrentValue.Subscribe;
            return new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(limit.PermitLimit, 1),
                Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            };
        }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var streams = Streams(invocation.Context);
        switch (invocation.HubMethodName)
        {
            case nameof(LiveHub.Subscribe):
                var requested = Canonical(invocation.HubMethodArguments.Count > 0 ? invocation.HubMethodArguments[0] as string : null);
                var cap = _options.CurrentValue.StreamsPerConnection;
                if (!streams.Contains(requested) && streams.Count >= cap)
                {
                    throw new HubException($"This connection follows {cap} streams already, the most it may. Unsubscribe from one first.");
                }

                using (var lease = _subscribes.AttemptAcquire(RateLimitSetup.PartitionKey(invocation.Context.User, invocation.Context.GetHttpContext())))
                {
                    if (!lease.IsAcquired)
                    {
                        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                        throw new HubException($"Too many subscriptions just now. Try again in {TooManyRequestsException.Describe(wait)}.");
                    }
                }

                var result = await next(invocation);
                if (result is SubscribeResult subscribed)
                {
                    streams.Add(subscribed.Stream);
                }

                return result;

            case nameof(LiveHub.Unsubscribe):
                var left = await next(invocation);
                streams.Remove(Canonical(invocation.HubMethodArguments.Count > 0 ? invocation.HubMethodArguments[0] as string : null));
                return left;

            default:
                return await next(invocation);
        }
    }

    public void Dispose() => _subscribes.Dispose();

    // One connection's invocations run one at a time (SignalR's default), so a plain set will do.
    private static HashSet<string> Streams(HubCallerContext context)
    {
        if (context.Items.TryGetValue(_streamsKey, out var found) && found is HashSet<string> streams)
        {
            return streams;
        }

        streams = new HashSet<string>(StringComparer.Ordinal);
        context.Items[_streamsKey] = streams;
        return streams;
    }

    // As the hub answers them: "kind:id" with the id in Guid's "D" form when it is one.
    private static string Canonical(string? stream) =>
        stream?.Split(':', 2) is [var prefix, var id] && Guid.TryParse(id, out var guid) ? $"{prefix}:{guid}" : stream ?? string.Empty;
}
