namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The names of live streams, built in one place for the code that appends to them, the hub that
/// subscribes to them and the policies that guard them ("kind:id", the id in Guid's "D" form).
/// </summary>
public static class StreamNames
{
    public static string Thread(Guid threadId) => $"thread:{threadId}";

    public static string Qa(Guid eventId) => $"qa:{eventId}";

    public static string QaModeration(Guid eventId) => $"qa:{eventId}:moderation";

    /// <summary>What arrives in a place: new threads, events and papers tagged to it (ids and titles only).</summary>
    public static string Place(Guid placeId) => $"place:{placeId}";

    /// <summary>A member's own notifications; only they may read it.</summary>
    public static string Member(Guid memberId) => $"member:{memberId}";
}
