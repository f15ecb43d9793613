namespace CommunityOfPractice.Api.Infrastructure.Persistence;

/// <summary>
/// Marks a command whose handler runs in one transaction (see <see cref="TransactionBehavior{TMessage,TResponse}"/>):
/// the handler body is only its use case, and what it changes commits together or not at all.
/// </summary>
public interface ITransactional
{
}

/// <summary>
/// Marks a command that runs at most once per (member, Idempotency-Key), inside its transaction
/// (see <see cref="IdempotencyBehavior{TMessage,TResponse}"/>). Without a key it simply runs.
/// </summary>
public interface IIdempotent : ITransactional
{
    Caller Caller { get; }

    string? IdempotencyKey { get; }
}
