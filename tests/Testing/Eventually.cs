using Xunit;

namespace CommunityOfPractice.Testing;

/// <summary>
/// Waits for something the Api does in the background (a fan-out, the mailer, the outbox): asks
/// again every 100 ms until it holds, and fails with <paramref name="what"/> after the timeout.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> done, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, $"It never got there: {what}");
            await Task.Delay(100);
        }
    }
}
