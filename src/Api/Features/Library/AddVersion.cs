using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>The publisher (or an admin) uploads a new file; it becomes current and the old one stays downloadable.</summary>
public static class AddVersion
{
    public sealed record Command(LibraryReader Reader, Guid PaperId, ReceivedFile? File) : ICommand<PaperDetail>;

    internal sealed class Handler(AppDbContext db, PaperFiles files, TimeProvider clock) : ICommandHandler<Command, PaperDetail>
    {
        public async ValueTask<PaperDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var owner = await db.Papers.Where(p => p.Id == command.PaperId).Select(p => new { p.PublishedById, p.ExternalUrl })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("There is no such paper.");
            if (owner.PublishedById != command.Reader.MemberId && !command.Reader.IsAdmin)
            {
                throw new ForbiddenException("Only the person who published this paper (or an admin) can upload a new version.");
            }

            if (command.File is null)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("file", "Attach the new PDF.")]);
            }

            if (owner.ExternalUrl is not null)
            {
                throw new ConflictException("This paper links to a page elsewhere; it has no files here.");
            }

            await files.StoreAndRecordAsync(command.File, async stored =>
            {
                var now = clock.GetUtcNow();
                var paper = await db.Papers.Include(p => p.Versions).SingleAsync(p => p.Id == command.PaperId, cancellationToken);
                var version = paper.AddVersion(stored!, command.Reader.MemberId!.Value, now);
                files.Enqueue(version, now);
                await db.SaveChangesAsync(cancellationToken);
                await PaperSearchIndex.RefreshAsync(db, paper.Id, cancellationToken);
                return version.Id;
            }, cancellationToken);

            return (await PaperQueries.DetailAsync(db, command.PaperId, command.Reader, cancellationToken))!;
        }
    }
}
