namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The one post-commit publisher: after a command's handler has committed, the events it
/// appended go to the streams' groups, each stream in sequence order (<see cref="StreamSequencer"/>).
/// If sending fails after commit, clients see a gap in the numbers and catch up from the database
/// (docs/live-protocol.md), so nothing is lost. A command sent inside another's transaction
/// leaves its events to the outer one, which alone knows whether they commit.
/// </summary>
public sealed class LivePublishingBehavior<TMessage, TResponse>(LiveStreams streams, AppDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

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

        streams.Publish();
        return response;
    }
}
