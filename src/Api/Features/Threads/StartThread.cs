using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>A member starts a conversation: a title and an opening post (number 1).</summary>
public static class StartThread
{
    public sealed record Request(string Title, string Body, IReadOnlyList<Guid>? PlaceIds, FrameworkStage? Stage);

    public sealed record Command(Reader Reader, string Title, string Body, IReadOnlyList<Guid> PlaceIds, FrameworkStage? Stage, string? IdempotencyKey)
        : ICommand<ThreadDetail>;

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
            RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose one of the five framework stages.");
            RuleFor(c => c.IdempotencyKey).IdempotencyKey();
        }
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, Idempotency idempotency, LiveStreams live, PostRenderer renderer, TimeProvider clock)
        : ICommandHandler<Command, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var html = await renderer.ToHtmlAsync(command.Body, cancellationToken);
            var (threadId, _) = await work.RunAsync(() => idempotency.RunAsync(command.Reader.MemberId, command.IdempotencyKey, async () =>
            {
                var wanted = command.PlaceIds.Distinct().ToList();
                var places = await db.Places.Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken);
                if (places.Count != wanted.Count)
                {
                    throw new ValidationException([new ValidationFailure("PlaceIds", "Choose places from the list; one of them does not exist.")]);
                }

                var now = clock.GetUtcNow();
                var thread = DiscussionThread.Start(command.Title, command.Body, command.Reader.MemberId, places, command.Stage, now);
                var post = Post.Write(thread.Id, 1, command.Reader.MemberId, command.Body, html, null, now);
                var reader = new ThreadReader(thread.Id, command.Reader.MemberId);
                reader.Follow();
                reader.ReadUpTo(1);
                db.AddRange(thread, post, reader);
                await db.SaveChangesAsync(cancellationToken);

                var row = await db.PostRowAsync(post.Id, cancellationToken);
                await live.AppendAsync(thread.Stream, EventKinds.PostAdded, row!.ToView(Reader.Public), cancellationToken);
                return thread.Id;
            }, cancellationToken), cancellationToken);

            return (await db.DetailAsync(threadId, command.Reader, cancellationToken))!;
        }
    }
}

internal static class ThreadRules
{
    public static IRuleBuilderOptions<T, string> ThreadBody<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write something first.")
            .MaximumLength(Post.BodyMaxLength).WithMessage($"A post has at most {Post.BodyMaxLength:N0} characters.");

    public static IRuleBuilderOptions<T, string?> IdempotencyKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(IdempotencyRecord.KeyMaxLength)
            .WithMessage($"An Idempotency-Key has at most {IdempotencyRecord.KeyMaxLength} characters.");
}
