namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// Wakes a background worker that also polls. Wakes coalesce: a thousand wakes while the worker
/// is busy give it one more pass, not a thousand.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already due to wake.
        }
    }

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
