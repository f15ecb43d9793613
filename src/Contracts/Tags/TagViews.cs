using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Contracts.Tags;

/// <summary>A thread that carries the tag, in its title, opening post or a reply.</summary>
public sealed record TaggedThread(Guid Id, string Title, int PostCount, DateTimeOffset LastActivityAt);

/// <summary>A published (or cancelled) event whose title or description carries the tag.</summary>
public sealed record TaggedEvent(Guid Id, string Title, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone);

/// <summary>A learning paper tagged with it.</summary>
public sealed record TaggedPaper(Guid Id, string Title, PaperType Type, DateOnly PublishedOn);

/// <summary>
/// A hashtag's page (/tags/PowerofPlace): the threads, events and papers that carry it, newest
/// first, at most <c>GetTag.MaxItems</c> of each, as far as the reader may see them. Threads and
/// events are for members: a visitor gets them empty and <see cref="SignInForMore"/> set.
/// </summary>
public sealed record TagPage(
    string Tag, IReadOnlyList<TaggedThread> Threads, IReadOnlyList<TaggedEvent> Events, IReadOnlyList<TaggedPaper> Papers, bool SignInForMore);
