using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Journey;

/// <summary>
/// One answer of a guided self-assessment: how far the organisation agrees with a statement,
/// from 1 (not at all like us) to 5 (exactly like us).
/// </summary>
public sealed record StatementAnswer(Guid StatementId, int Value)
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static StatementAnswer Of(Guid statementId, int value) =>
        value is < Lowest or > Highest
            ? throw new DomainException($"Answer each statement from {Lowest} to {Highest}.")
            : new StatementAnswer(statementId, value);
}
