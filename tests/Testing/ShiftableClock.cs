namespace CommunityOfPractice.Testing;

/// <summary>
/// The real clock, moved on by however much a test says: hours pass for the app under test
/// without the test waiting for them. Tests that shift it put it back when they end.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
        set => Interlocked.Exchange(ref _shiftTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
