using CommunityOfPractice.Api.Notifications;
using System.Text.Json;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Library;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>A funder, host or admin publishes a learning paper: its details and a PDF, or a link to a page elsewhere.</summary>
public static class PublishPaper
{
    /// <summary>What the endpoint received: the "metadata" part and the "file" part (null for a paper that links elsewhere).</summary>
    public sealed record Command(Caller Caller, PublishPaperRequest Paper, ReceivedFile? File) : ICommand<PaperDetail>;

    /// <summary>
    /// The rows (the paper, its first version, its queued extraction, its search columns), in one
    /// transaction, sent by <see cref="Handler"/> once the PDF is in storage (see <see cref="PaperFiles"/>).
    /// </summary>
    internal sealed record Save(Caller Caller, PublishPaperRequest Paper, IReadOnlyList<Guid> PlaceIds, StoredFile? File) : ICommand<Guid>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            // The metadata's fields are reported under their own names ("title", not "paper.title").
            var paperRules = new PaperRules(clock);
            RuleFor(c => c.Paper).Custom((paper, context) =>
            {
                foreach (var failure in paperRules.Validate(paper).Errors)
                {
                    context.AddFailure(failure);
                }
            });
            RuleFor(c => c.File).NotNull().When(c => string.IsNullOrWhiteSpace(c.Paper.ExternalUrl))
                .WithName("file").OverridePropertyName("file")
                .WithMessage("Attach the PDF, or give the address of the paper on another site.");
            RuleFor(c => c.Paper.ExternalUrl).Empty().When(c => c.File is not null)
                .OverridePropertyName("externalUrl")
                .WithMessage("Attach a PDF or give a link, not both.");
        }
    }

    internal sealed class PaperRules : AbstractValidator<PublishPaperRequest>
    {
        public PaperRules(TimeProvider clock)
        {
            RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the paper a title.")
                .MaximumLength(LearningPaper.TitleMaxLength).WithMessage($"A title has at most {LearningPaper.TitleMaxLength} characters.");
            RuleFor(r => r.Summary).MaximumLength(LearningPaper.SummaryMaxLength)
                .WithMessage($"A summary has at most {LearningPaper.SummaryMaxLength:N0} characters.");
            RuleFor(r => r.Type).NotNull().WithMessage("Choose the type: report, case study, framework, practical tool or evaluation.")
                .IsInEnum().WithMessage("Choose the type: report, case study, framework, practical tool or evaluation.");
            RuleFor(r => r.Authors).Must(a => a is null || a.Count <= LearningPaper.MaxAuthors)
                .WithMessage($"Name at most {LearningPaper.MaxAuthors} authors.");
            RuleForEach(r => r.Authors).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= LearningPaper.AuthorMaxLength)
                .WithMessage($"Each author's name has 1 to {LearningPaper.AuthorMaxLength} characters.");
            RuleFor(r => r.PublishedOn).NotNull().WithMessage("Give the date the paper was published.")
                .Must(d => d is null || (d.Value.Year >= 1900 && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1)))
                .WithMessage("Give a publication date between 1900 and next year.");
            RuleFor(r => r.PlaceIds).Must(p => p is null || p.Count <= LearningPaper.MaxPlaces)
                .WithMessage($"Name at most {LearningPaper.MaxPlaces} places.");
            RuleForEach(r => r.Stages).IsInEnum().WithMessage("Choose from the five framework stages.");
            RuleFor(r => r.Hashtags).Must(t => t is null || t.Count <= Hashtags.MaxPerThread)
                .WithMessage($"Add at most {Hashtags.MaxPerThread} hashtags.");
            RuleForEach(r => r.Hashtags).Must(t => t is not null && Hashtags.Pattern().IsMatch("#" + t.Trim().TrimStart('#')))
                .WithMessage("A hashtag starts with a letter and has 2 to 50 letters, digits or underscores.");
            RuleFor(r => r.Licence).Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Say under which licence the paper is shared (e.g. CC BY 4.0).")
                .MaximumLength(LearningPaper.LicenceMaxLength).WithMessage($"A licence has at most {LearningPaper.LicenceMaxLength} characters.");
            RuleFor(r => r.ExternalUrl).MaximumLength(LearningPaper.UrlMaxLength)
                .Must(u => string.IsNullOrWhiteSpace(u)
                    || (Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                .WithMessage("Give a full web address starting with https://.");
            RuleFor(r => r.Visibility).IsInEnum().WithMessage("Choose who may read it: Public or Members.");
        }
    }

    /// <summary>Reads the metadata part with the Api's JSON rules (unknown fields and numbers for enums are refused).</summary>
    public static PublishPaperRequest ReadMetadata(string? json, JsonSerializerOptions options)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ValidationException([new ValidationFailure("metadata", "Send the paper's details as JSON in a \"metadata\" part.")]);
        }

        try
        {
            return JsonSerializer.Deserialize<PublishPaperRequest>(json, options)
                ?? throw new ValidationException([new ValidationFailure("metadata", "The metadata part is empty.")]);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "metadata" : exception.Path.TrimStart('$', '.');
            throw new ValidationException([new ValidationFailure(field,
                field == "metadata" ? "The metadata part is not valid JSON." : "This field is unknown or has the wrong type.")]);
        }
    }

    internal sealed class Handler(AppDbContext db, PaperFiles files, ISender sender) : ICommandHandler<Command, PaperDetail>
    {
        public async ValueTask<PaperDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = command.Paper;
            var places = await PlacesAsync(request.PlaceIds, cancellationToken);
            await CheckReferencesAsync(request.OrganisationId, request.ThreadId, cancellationToken);

            var paperId = await files.StoreThenRecordAsync(command.File,
                stored => sender.Send(new Save(command.Caller, request, places, stored), cancellationToken), cancellationToken);

            return (await db.PaperDetailAsync(paperId, command.Caller, cancellationToken))!;
        }

        private async Task<IReadOnlyList<Guid>> PlacesAsync(IReadOnlyList<Guid>? placeIds, CancellationToken cancellationToken)
        {
            var wanted = (placeIds ?? []).Distinct().ToList();
            var found = await db.Places.CountAsync(p => wanted.Contains(p.Id), cancellationToken);
            return found == wanted.Count
                ? wanted
                : throw new ValidationException([new ValidationFailure("placeIds", "Choose places from the list; one of them does not exist.")]);
        }

        private async Task CheckReferencesAsync(Guid? organisationId, Guid? threadId, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            if (organisationId is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
            {
                failures.Add(new ValidationFailure("organisationId", "Choose an organisation from the list; this one does not exist."));
            }

            if (threadId is { } thread && !await db.Threads.AnyAsync(t => t.Id == thread, cancellationToken))
            {
                failures.Add(new ValidationFailure("threadId", "There is no such thread."));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }
    }

    internal sealed class SaveHandler(AppDbContext db, LiveStreams live, PaperFiles files, MarkdownRenderer markdown, Notifier notifier, TimeProvider clock)
        : ICommandHandler<Save, Guid>
    {
        public async ValueTask<Guid> Handle(Save command, CancellationToken cancellationToken)
        {
            var request = command.Paper;
            var now = clock.GetUtcNow();
            var summary = request.Summary?.Trim() ?? string.Empty;
            var places = await db.Places.Where(p => command.PlaceIds.Contains(p.Id)).ToListAsync(cancellationToken);
            var paper = LearningPaper.Publish(
                new LearningPaper.Details(
                    request.Title!, summary, markdown.ToHtml(summary), request.Type!.Value, request.Authors ?? [], request.OrganisationId,
                    request.PublishedOn!.Value, request.Stages ?? [], request.Hashtags ?? [], request.Licence!, request.ExternalUrl,
                    request.Visibility ?? PaperVisibility.Members, request.ThreadId),
                places, command.Caller.Id, command.File, now);
            db.Papers.Add(paper);
            if (paper.Versions.SingleOrDefault() is { } version)
            {
                files.Enqueue(version, now);
            }

            // The search columns are computed in SQL from the saved rows.
            await db.SaveChangesAsync(cancellationToken);
            await PaperSearchIndex.RefreshAsync(db, paper.Id, cancellationToken);
            var arrivedIn = await live.AppendToPlacesAsync(db, places.Select(p => p.Id), PlaceStreams.PaperPublished,
                new PlaceArrival(paper.Id, paper.Title, paper.Stages), cancellationToken);
            await notifier.NotifyPlaceFollowersAsync(arrivedIn,
                new NotificationMessage($"New paper: “{paper.Title}”", Notifier.Excerpt(summary), $"/Library/Papers/{paper.Id}"),
                command.Caller.Id, cancellationToken);
            return paper.Id;
        }
    }
}
