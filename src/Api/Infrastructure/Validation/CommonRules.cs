using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Infrastructure.Validation;

/// <summary>Validation rules that several areas share, each with the one message people see.</summary>
public static class CommonRules
{
    public static IRuleBuilderOptions<T, string?> IdempotencyKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ApiHeaders.IdempotencyKeyMaxLength)
            .WithMessage($"An {ApiHeaders.IdempotencyKey} has at most {ApiHeaders.IdempotencyKeyMaxLength} characters.");

    public static IRuleBuilderOptions<T, FrameworkStage?> Stage<T>(this IRuleBuilder<T, FrameworkStage?> rule) =>
        rule.IsInEnum().WithMessage("Choose one of the five framework stages.");

    /// <summary>A page size between 1 and <paramref name="max"/>, when one is asked for.</summary>
    public static IRuleBuilderOptions<T, int?> PageLimit<T>(this IRuleBuilder<T, int?> rule, int max, string things) =>
        rule.InclusiveBetween(1, max).WithMessage($"Ask for 1 to {max} {things} at a time.");
}
