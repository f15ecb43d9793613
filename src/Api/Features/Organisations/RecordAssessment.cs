using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Journey;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// One of the organisation's approved members records where it stands in one of its places:
/// stated outright, or through the guided self-assessment (whose suggestion the record keeps),
/// or as a correction of an earlier entry, which stays in the append-only history.
/// </summary>
public static class RecordAssessment
{
    public sealed record Command(Caller Caller, Guid OrganisationId, RecordAssessmentRequest Assessment) : ICommand<AssessmentView>, ITransactional;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Assessment.PlaceId).NotEmpty().OverridePropertyName("placeId").WithMessage("Choose one of the organisation's places.");
            RuleFor(c => c.Assessment.Stage).IsInEnum().OverridePropertyName("stage").WithMessage("Choose one of the five framework stages.");
            RuleFor(c => c.Assessment.AssessedOn)
                .Must(day => day <= Today(clock)).OverridePropertyName("assessedOn")
                .WithMessage("An assessment's date cannot be in the future.");
            RuleFor(c => c.Assessment.Summary).NotEmpty().OverridePropertyName("summary")
                .WithMessage("Say where the organisation stands and why.")
                .MaximumLength(StageAssessment.SummaryMaxLength).OverridePropertyName("summary")
                .WithMessage($"A summary has at most {StageAssessment.SummaryMaxLength} characters.");
            RuleFor(c => c.Assessment.Visibility).IsInEnum().OverridePropertyName("visibility")
                .WithMessage("Share it with the community, with named funders, or keep it private.");
            RuleFor(c => c.Assessment.FunderIds)
                .Must(ids => ids is { Count: > 0 and <= StageAssessment.MaxFunders } && !ids.Contains(Guid.Empty))
                .When(c => c.Assessment.Visibility == AssessmentVisibility.Funders).OverridePropertyName("funderIds")
                .WithMessage($"Name 1 to {StageAssessment.MaxFunders} funders to share this assessment with.");
            RuleFor(c => c.Assessment.FunderIds)
                .Must(ids => ids is null or { Count: 0 })
                .When(c => c.Assessment.Visibility != AssessmentVisibility.Funders).OverridePropertyName("funderIds")
                .WithMessage("Name funders only when sharing the assessment with named funders.");
            RuleFor(c => c.Assessment.Evidence)
                .Must(evidence => evidence is null || (evidence.Count <= StageAssessment.MaxEvidence && evidence.All(e => e is not null && IsWellFormed(e))))
                .OverridePropertyName("evidence")
                .WithMessage($"Give at most {StageAssessment.MaxEvidence} pieces of evidence: a paper, thread or event here, or a full http or https address.");
            RuleFor(c => c.Assessment.AgreedByIds)
                .Must(ids => ids is { Count: > 0 and <= StageAssessment.MaxAgreedBy } && !ids.Contains(Guid.Empty))
                .OverridePropertyName("agreedByIds")
                .WithMessage($"Name the 1 to {StageAssessment.MaxAgreedBy} members of the organisation who agreed this assessment.");
            RuleFor(c => c.Assessment.Answers)
                .Must(answers => answers is null || answers.AreWellFormed())
                .OverridePropertyName("answers")
                .WithMessage($"Answer each statement once, from {StatementAnswer.Lowest} to {StatementAnswer.Highest}.");
        }

        private static bool IsWellFormed(EvidenceRequest e) => e.Kind switch
        {
            EvidenceKind.Url => e.TargetId is null && WebAddress.IsHttp(e.Url) && e.Url!.Trim().Length <= WebAddress.MaxLength,
            EvidenceKind.Paper or EvidenceKind.Thread or EvidenceKind.Event => e.TargetId is { } id && id != Guid.Empty && e.Url is null,
            _ => false,
        };
    }

    internal sealed class Handler(AppDbContext db, MarkdownRenderer markdown, TimeProvider clock) : ICommandHandler<Command, AssessmentView>
    {
        public async ValueTask<AssessmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.EnsureApprovedMemberAsync(command.Caller, command.OrganisationId,
                "Only the organisation's approved members record its assessments.", cancellationToken);
            var request = command.Assessment;
            var statements = await db.StatementsAnsweredAsync(request.Answers, cancellationToken);
            var corrected = request.CorrectsId is { } correctsId
                ? await db.StageAssessments.SingleOrDefaultAsync(a => a.Id == correctsId, cancellationToken)
                : null;
            await CheckReferencesAsync(command, statements, corrected, cancellationToken);

            var entry = new StageAssessment.Entry(
                command.OrganisationId,
                request.PlaceId,
                request.Stage,
                request.AssessedOn,
                request.Summary,
                markdown.ToHtml(request.Summary.Trim()),
                request.Visibility,
                request.FunderIds ?? [],
                [.. (request.Evidence ?? []).Select(e => e.Kind == EvidenceKind.Url ? EvidenceLink.ToPage(e.Url!) : EvidenceLink.To(e.Kind, e.TargetId!.Value))],
                request.AgreedByIds);
            var guided = request.Answers is { Count: > 0 } answers
                ? new StageAssessment.Guided([.. answers.Select(a => new StatementAnswer(a.StatementId, a.Value))], statements)
                : null;
            var now = clock.GetUtcNow();
            var assessment = corrected is null
                ? StageAssessment.Record(entry, command.Caller.Id, Today(clock), now, guided)
                : corrected.CorrectWith(entry, command.Caller.Id, Today(clock), now, guided);

            db.StageAssessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
            return await db.AssessmentViewAsync(assessment, cancellationToken);
        }

        /// <summary>Everything the assessment names must exist (and belong): 400 on the field that names something that does not.</summary>
        private async Task CheckReferencesAsync(Command command, IReadOnlyCollection<AssessmentStatement> statements, StageAssessment? corrected, CancellationToken cancellationToken)
        {
            var request = command.Assessment;
            var failures = new List<ValidationFailure>();
            if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId && o.Places.Any(p => p.Id == request.PlaceId), cancellationToken))
            {
                failures.Add(new("placeId", "Choose one of the places the organisation works in."));
            }

            var funders = (request.FunderIds ?? []).Distinct().ToList();
            if (funders.Count > 0 && await db.Organisations.CountAsync(o => funders.Contains(o.Id), cancellationToken) != funders.Count)
            {
                failures.Add(new("funderIds", "Choose funders from the list of organisations; one of them does not exist."));
            }

            if (!await EvidenceExistsAsync(request.Evidence ?? [], cancellationToken))
            {
                failures.Add(new("evidence", "A piece of evidence points to a paper, thread or event that does not exist."));
            }

            var agreed = request.AgreedByIds.Distinct().ToList();
            if (await db.OrganisationMemberships.CountAsync(m => m.OrganisationId == command.OrganisationId
                    && agreed.Contains(m.MemberId) && m.Status == MembershipStatus.Approved, cancellationToken) != agreed.Count)
            {
                failures.Add(new("agreedByIds", "Everyone who agreed the assessment must be an approved member of the organisation."));
            }

            if (request.Answers is { } answers && statements.Count != answers.Select(a => a.StatementId).Distinct().Count())
            {
                failures.Add(new("answers", "An answer is to a statement that is not part of the self-assessment."));
            }

            if (request.CorrectsId is not null
                && (corrected is null || corrected.OrganisationId != command.OrganisationId || corrected.PlaceId != request.PlaceId))
            {
                failures.Add(new("correctsId", "A correction is of one of the organisation's assessments in the same place."));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            if (corrected is not null && await db.StageAssessments.AnyAsync(a => a.CorrectsId == corrected.Id, cancellationToken))
            {
                throw new ConflictException("That assessment has already been corrected; correct the correction instead.");
            }
        }

        private async Task<bool> EvidenceExistsAsync(IReadOnlyList<EvidenceRequest> evidence, CancellationToken cancellationToken)
        {
            List<Guid> Ids(EvidenceKind kind) => [.. evidence.Where(e => e.Kind == kind).Select(e => e.TargetId!.Value).Distinct()];
            var papers = Ids(EvidenceKind.Paper);
            var threads = Ids(EvidenceKind.Thread);
            var events = Ids(EvidenceKind.Event);
            return (papers.Count == 0 || await db.Papers.CountAsync(p => papers.Contains(p.Id), cancellationToken) == papers.Count)
                && (threads.Count == 0 || await db.Threads.CountAsync(t => threads.Contains(t.Id), cancellationToken) == threads.Count)
                && (events.Count == 0 || await db.Events.CountAsync(e => events.Contains(e.Id) && e.Status != EventStatus.Draft, cancellationToken) == events.Count);
        }
    }

    /// <summary>Today in UTC: an assessment may be dated today but not later.</summary>
    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
