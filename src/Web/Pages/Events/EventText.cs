using System.Globalization;
using CommunityOfPractice.Contracts.Events;

namespace CommunityOfPractice.Web.Pages.Events;

/// <summary>How events read on the pages: times in the event's own zone (Europe/London by default).</summary>
public static class EventText
{
    public const string DefaultTimeZone = "Europe/London";

    public static readonly IReadOnlyList<string> TimeZones =
        ["Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata"];

    /// <summary>The cookie holding the zone a viewer chose to see times in.</summary>
    public const string ZoneCookie = "cop.tz";

    private static readonly CultureInfo _uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The zone the viewer chose (one of <see cref="TimeZones"/>), or null for each event's own zone.</summary>
    public static string? ViewerZone(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Cookies.TryGetValue(ZoneCookie, out var zone) && TimeZones.Contains(zone) ? zone : null;

    public static DateTimeOffset InZone(DateTimeOffset instant, string zone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone));

    /// <summary>"Tuesday 4 November 2025, 12:30 to 14:00 (Europe/London)".</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset endsAt, string zone)
    {
        var start = InZone(startsAt, zone);
        var end = InZone(endsAt, zone);
        var day = start.ToString("dddd d MMMM yyyy", _uk);
        var endText = start.Date == end.Date ? end.ToString("HH:mm", _uk) : end.ToString("dddd d MMMM yyyy, HH:mm", _uk);
        return $"{day}, {start.ToString("HH:mm", _uk)} to {endText} ({zone})";
    }

    /// <summary>The value of a datetime-local input for an instant shown in a zone.</summary>
    public static string LocalInput(DateTimeOffset instant, string zone) =>
        InZone(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time typed for a zone, as the instant it names.</summary>
    public static DateTimeOffset ToInstant(DateTime local, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, tz.GetUtcOffset(unspecified));
    }

    public static string Kind(string kind) => kind switch
    {
        "Gathering" => "Gathering",
        "Webinar" => "Webinar",
        "Hybrid" => "Hybrid (in person and online)",
        _ => kind,
    };

    public static string? RegistrationText(MyRegistration? mine) => mine?.Status switch
    {
        Domain.Events.RegistrationStatus.Registered => "You are registered.",
        Domain.Events.RegistrationStatus.Waitlisted => $"You are on the waitlist (number {mine.WaitlistPosition}).",
        Domain.Events.RegistrationStatus.Cancelled => "You cancelled your registration.",
        _ => null,
    };
}
