namespace CommunityOfPractice.Api.Live;

/// <summary>
/// What one kind of stream ("thread:…", later "qa:…") decides: who may read it, and how stored
/// events look to a given reader now (a post hidden since it was added loses its content).
/// </summary>
public interface IStreamPolicy
{
    string Prefix { get; }

    /// <summary>
    /// The stream's canonical id when the reader may read it, else null. Canonical, because a
    /// group named "thread:ABC…" would never hear what is sent to "thread:abc…".
    /// </summary>
    Task<string?> AuthorizeAsync(string id, Caller caller, CancellationToken cancellationToken);

    Task<IReadOnlyList<StreamEvent>> ForReaderAsync(
        string id, IReadOnlyList<StreamEvent> events, Caller caller, CancellationToken cancellationToken);
}
