using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Journey;

/// <summary>
/// What the guided self-assessment suggests: the stage the answers support, and what would
/// distinguish the next one. A stage is supported when its statements average at least
/// <see cref="Threshold"/> and so do those of every stage below it: the framework is a path, so
/// strong answers for Mutuality do not count while Connection is not yet there. Every
/// organisation is at least at Intention. The organisation then confirms or overrides it.
/// </summary>
public sealed record StageSuggestion(FrameworkStage Stage, FrameworkStage? Next, string? WhatDistinguishesNext)
{
    public const double Threshold = 4.0;

    /// <summary>Suggests a stage from the answers (values 1–5) given for each stage's statements.</summary>
    public static StageSuggestion Suggest(IReadOnlyDictionary<FrameworkStage, IReadOnlyCollection<int>> answersByStage)
    {
        if (answersByStage.Values.SelectMany(v => v).Any(v => v is < StatementAnswer.Lowest or > StatementAnswer.Highest))
        {
            throw new DomainException($"Answer each statement from {StatementAnswer.Lowest} to {StatementAnswer.Highest}.");
        }

        var supported = FrameworkStage.Intention;
        foreach (var stage in FrameworkStages.InOrder)
        {
            if (!answersByStage.TryGetValue(stage, out var values) || values.Count == 0 || values.Average() < Threshold)
            {
                break;
            }

            supported = stage;
        }

        var next = supported.Next();
        return new StageSuggestion(supported, next, next?.Distinguishes());
    }

    /// <summary>Suggests a stage from answers to the given statements; every answer must be to one of them.</summary>
    public static StageSuggestion Suggest(IReadOnlyCollection<StatementAnswer> answers, IReadOnlyCollection<AssessmentStatement> statements)
    {
        var stageOf = statements.ToDictionary(s => s.Id, s => s.Stage);
        var byStage = new Dictionary<FrameworkStage, IReadOnlyCollection<int>>();
        foreach (var group in answers.GroupBy(a => stageOf.TryGetValue(a.StatementId, out var stage)
                     ? stage
                     : throw new DomainException("An answer is to a statement that is not part of this self-assessment.")))
        {
            byStage[group.Key] = [.. group.Select(a => a.Value)];
        }

        return Suggest(byStage);
    }
}
