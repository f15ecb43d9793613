using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Contracts.Events;

public sealed record PlaceCount(string Name, int Count);

public sealed record ListedAttendee(Guid MemberId, string DisplayName, string? Organisation);

/// <summary>Who is coming: counts by place and organisation, and the names of those who chose to be listed.</summary>
public sealed record Attendance(int Registered, IReadOnlyList<PlaceCount> Places, IReadOnlyList<PlaceCount> Organisations, IReadOnlyList<ListedAttendee> Listed);

public sealed record AttendeeRow(
    Guid MemberId, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Places, RegistrationStatus Status,
    long ArrivalNumber, DateTimeOffset RegisteredAt, bool IsListed, IReadOnlyList<string> Answers);
