namespace CommunityOfPractice.Contracts.Common;

/// <summary>Who wrote or runs something, as every reader may see them.</summary>
public sealed record AuthorRef(Guid Id, string DisplayName);

/// <summary>A place something is tagged with.</summary>
public sealed record PlaceRef(Guid Id, string Name);

/// <summary>Anything named by an id and a name: an organisation, a thread, an event, a paper.</summary>
public sealed record NamedRef(Guid Id, string Name);
