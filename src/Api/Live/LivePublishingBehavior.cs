using CommunityOfPractice.Api.Infrastructure.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The one post-commit publisher: after a command's handler has committed, the events it
/// appended go to the streams' groups. If sending fails after commit, clients see a gap in the
/// numbers and catch up from the database (docs/live-protocol.md), so nothing is lost.
/// </summary>
public sealed class LivePublishingBehavior<TMessage, TResponse>(
    LiveStreams streams, IHubContext<LiveHub> hub, AppMetrics metrics, TimeProvider clock, ILogger<LivePublishingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            streams.Discard();
            throw;
        }

        foreach (var (streamEvent, appendedAt) in streams.TakePending())
        {
            try
            {
                // Not the request's token: the change is committed and readers must hear of it.
                await hub.Clients.Group(streamEvent.Stream).SendAsync(LiveHub.EventMethod, streamEvent, CancellationToken.None);
                metrics.Sent(clock.GetElapsedTime(appendedAt));
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not send {Stream} #{Seq}; clients will catch up", streamEvent.Stream, streamEvent.Seq);
            }
        }

        return response;
    }
}
