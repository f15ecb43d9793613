using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommunityOfPractice.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>
    /// Puts the Api's field errors next to the matching inputs (<c>displayName</c> becomes
    /// <c>Input.DisplayName</c>); errors about no known field, and a problem without field errors,
    /// go to the summary only.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary modelState, ApiProblem problem, IReadOnlyCollection<string> fields, string prefix = "Input")
    {
        var known = fields.ToDictionary(f => f, f => f, StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in problem.Errors)
        {
            var key = known.TryGetValue(field, out var property) ? $"{prefix}.{property}" : string.Empty;
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }

        if (problem.Errors.Count == 0)
        {
            modelState.AddModelError(string.Empty, problem.Message);
        }
    }
}
