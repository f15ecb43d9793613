using Xunit;

namespace CommunityOfPractice.Testing;

/// <summary>
/// Waits for something the Api does in the background (a fan-out, the mailer, the outbox) that
/// no event announces: asks again every 100 ms until it holds, and fails, saying what it last
/// saw, after the timeout.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> done, string what, TimeSpan? timeout = null) =>
        await ReadsAsync(done, held => held, _ => $"It never got there: {what}", timeout);

    /// <summary>Reads until what it read is <paramref name="done"/>, and returns that; <paramref name="describe"/> says what went wrong from the last read.</summary>
    public static async Task<T> ReadsAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, describe(value));
            await Task.Delay(100);
        }
    }
}
