using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Library;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>The publisher (or an admin) uploads a new file; it becomes current and the old one stays downloadable.</summary>
public static class AddVersion
{
    public sealed record Command(Caller Caller, Guid PaperId, ReceivedFile? File) : ICommand<PaperDetail>;

    /// <summary>
    /// The rows (the version, its queued extraction, the paper's search columns), in one transaction,
    /// sent by <see cref="Handler"/> once the PDF is in storage (see <see cref="PaperFiles"/>).
    /// </summary>
    internal sealed record Save(Caller Caller, Guid PaperId, StoredFile File) : ICommand, ITransactional;

    internal sealed class Handler(AppDbContext db, PaperFiles files, ISender sender) : ICommandHandler<Command, PaperDetail>
    {
        public async ValueTask<PaperDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            // The access rule first: someone who may not add a version is refused whatever they sent.
            var paper = await db.PaperToAddVersionToAsync(command.Caller, command.PaperId, cancellationToken);
            if (command.File is null)
            {
                throw new ValidationException([new ValidationFailure("file", "Attach the new PDF.")]);
            }

            if (paper.LinksElsewhere)
            {
                throw new ConflictException("This paper links to a page elsewhere; it has no files here.");
            }

            await files.StoreThenRecordAsync(command.File,
                stored => sender.Send(new Save(command.Caller, command.PaperId, stored!), cancellationToken), cancellationToken);

            return (await db.PaperDetailAsync(command.PaperId, command.Caller, cancellationToken))!;
        }
    }

    internal sealed class SaveHandler(AppDbContext db, PaperFiles files, TimeProvider clock) : ICommandHandler<Save>
    {
        public async ValueTask<Unit> Handle(Save command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var paper = await db.Papers.Include(p => p.Versions).SingleAsync(p => p.Id == command.PaperId, cancellationToken);
            var version = paper.AddVersion(command.File, command.Caller.Id, now);
            files.Enqueue(version, now);

            // The search columns are computed in SQL from the saved rows.
            await db.SaveChangesAsync(cancellationToken);
            await PaperSearchIndex.RefreshAsync(db, paper.Id, cancellationToken);
            return Unit.Value;
        }
    }
}
