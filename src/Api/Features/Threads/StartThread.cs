using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>A member starts a conversation: a title and an opening post (number 1).</summary>
public static class StartThread
{
    public sealed record Command(Caller Caller, string Title, string Body, IReadOnlyList<Guid> PlaceIds, FrameworkStage? Stage, string? IdempotencyKey)
        : ICommand<ThreadDetail>, IIdempotent;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().WithMessage("Give the thread a title.")
                .MaximumLength(DiscussionThread.TitleMaxLength)
                .WithMessage($"A title has at most {DiscussionThread.TitleMaxLength} characters.");
            RuleFor(c => c.Body).ThreadBody();
            RuleFor(c => c.PlaceIds).Must(ids => ids.Count <= DiscussionThread.MaxPlaces)
                .WithMessage($"Name at most {DiscussionThread.MaxPlaces} places.");
            RuleFor(c => c.Stage).Stage();
            RuleFor(c => c.IdempotencyKey).IdempotencyKey();
        }
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, PostRenderer renderer, Notifier notifier, TimeProvider clock)
        : ICommandHandler<Command, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var wanted = command.PlaceIds.Distinct().ToList();
            var places = await db.Places.Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken);
            if (places.Count != wanted.Count)
            {
                throw new ValidationException([new ValidationFailure("PlaceIds", "Choose places from the list; one of them does not exist.")]);
            }

            var now = clock.GetUtcNow();
            var author = command.Caller.Id;
            var thread = DiscussionThread.Start(command.Title, command.Body, author, places, command.Stage, now);
            var (html, mentioned) = await renderer.RenderAsync(command.Body, cancellationToken);
            var post = Post.Write(thread.Id, 1, author, command.Body, html, null, now);
            var reader = new ThreadReader(thread.Id, author);
            reader.Follow();
            reader.ReadUpTo(1);
            db.AddRange(thread, post, reader);
            await db.SaveChangesAsync(cancellationToken);

            var row = await db.PostRowAsync(post.Id, cancellationToken);
            await live.AppendAsync(StreamNames.Thread(thread.Id), ThreadEventKinds.PostAdded, row!.ToView(Caller.Anonymous), cancellationToken);
            var arrivedIn = await live.AppendToPlacesAsync(db, wanted, PlaceStreams.ThreadStarted,
                new PlaceArrival(thread.Id, thread.Title, thread.Stage is { } stage ? [stage] : []), cancellationToken);
            notifier.NotifyPost(row!, thread.Title, mentioned, null);
            await notifier.NotifyPlaceFollowersAsync(arrivedIn,
                new NotificationMessage($"New discussion: “{thread.Title}”", $"{row!.AuthorName} in {string.Join(", ", places.Select(p => p.Name))}: {Notifier.Excerpt(command.Body)}", $"/Threads/{thread.Id}"),
                author, cancellationToken);
            return (await db.DetailAsync(thread.Id, command.Caller, cancellationToken))!;
        }
    }
}
