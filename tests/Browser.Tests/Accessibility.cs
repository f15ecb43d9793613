using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>axe-core's WCAG 2.2 AA rules on the page as it is now: every page must pass with 0 violations.</summary>
internal static class Accessibility
{
    private static readonly AxeRunOptions _wcag22aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(_wcag22aa);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();

        Assert.True(violations.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", violations));
    }
}
