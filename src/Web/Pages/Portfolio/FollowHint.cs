namespace CommunityOfPractice.Web.Pages.Portfolio;

/// <summary>
/// Whether to show the Portfolio link to someone who is not a funder: a small cookie that says
/// "this browser's member follows something", set or cleared whenever they follow, unfollow or
/// open their portfolio. It is a display hint only (no data, nothing secret; the page itself asks
/// the Api), and it saves asking the Api what the member follows on every page.
/// </summary>
public static class FollowHint
{
    public const string CookieName = "cop.follows";

    public static bool IsSet(HttpRequest request) => request.Cookies.ContainsKey(CookieName);

    public static void Update(HttpResponse response, bool followsSomething)
    {
        if (followsSomething)
        {
            response.Cookies.Append(CookieName, "1", new CookieOptions
            {
                HttpOnly = true,
                Secure = response.HttpContext.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(180),
                IsEssential = true,
            });
        }
        else
        {
            response.Cookies.Delete(CookieName);
        }
    }
}
