using System.Globalization;

namespace CommunityOfPractice.Web.Pages;

/// <summary>Dates as people in the UK read them: London time, "24 Nov 2026, 14:05".</summary>
public static class Format
{
    private static readonly TimeZoneInfo _london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo _culture = CultureInfo.GetCultureInfo("en-GB");

    public static string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _london).ToString("d MMM yyyy, HH:mm", _culture);
}
