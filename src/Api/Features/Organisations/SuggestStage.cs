using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Journey;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// The guided self-assessment's suggestion for the answers so far, and what would distinguish
/// the next stage; nothing is recorded. For the organisation's approved members, who then
/// confirm or override it when they record the assessment.
/// </summary>
public static class SuggestStage
{
    public sealed record Command(Caller Caller, Guid OrganisationId, IReadOnlyList<StatementAnswerRequest> Answers) : ICommand<StageSuggestionView>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Answers).Must(answers => answers is { Count: > 0 } && answers.AreWellFormed())
                .WithMessage($"Answer at least one statement, each once, from {StatementAnswer.Lowest} to {StatementAnswer.Highest}.");
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, StageSuggestionView>
    {
        public async ValueTask<StageSuggestionView> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.EnsureApprovedMemberAsync(command.Caller, command.OrganisationId,
                "Only the organisation's approved members assess where it stands.", cancellationToken);
            var statements = await db.StatementsAnsweredAsync(command.Answers, cancellationToken);
            if (statements.Count != command.Answers.Count)
            {
                throw new ValidationException([new ValidationFailure("answers", "An answer is to a statement that is not part of the self-assessment.")]);
            }

            var suggestion = StageSuggestion.Suggest([.. command.Answers.Select(a => new StatementAnswer(a.StatementId, a.Value))], statements);
            return new StageSuggestionView(suggestion.Stage, suggestion.Next, suggestion.WhatDistinguishesNext);
        }
    }

    /// <summary>Each statement answered once, on the 1–5 scale (a JSON null in the list is no answer).</summary>
    internal static bool AreWellFormed(this IReadOnlyList<StatementAnswerRequest> answers) =>
        answers.All(a => a is not null && a.Value is >= StatementAnswer.Lowest and <= StatementAnswer.Highest)
        && answers.Select(a => a.StatementId).Distinct().Count() == answers.Count;

    /// <summary>The active statements the answers are to (fewer than the answers when one is unknown or retired).</summary>
    internal static async Task<IReadOnlyCollection<AssessmentStatement>> StatementsAnsweredAsync(
        this AppDbContext db, IReadOnlyList<StatementAnswerRequest>? answers, CancellationToken cancellationToken)
    {
        if (answers is not { Count: > 0 })
        {
            return [];
        }

        var ids = answers.Select(a => a.StatementId).Distinct().ToList();
        return await db.AssessmentStatements.AsNoTracking().Where(s => ids.Contains(s.Id) && s.IsActive).ToListAsync(cancellationToken);
    }
}
