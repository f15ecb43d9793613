using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>
/// Where a sign-out request that arrives by GET (an application sending the person to the OIDC
/// end-session endpoint) lands: a button that POSTs it with an antiforgery token, so that a link or
/// an image on another site cannot sign anyone out.
/// </summary>
public sealed class LogoutModel : PageModel
{
    // The end-session request's own parameters travel on with the POST; nothing else.
    private static readonly HashSet<string> _passedOn = new(StringComparer.Ordinal)
    {
        "client_id", "id_token_hint", "post_logout_redirect_uri", "state", "ui_locales", "logout_hint",
    };

    public IReadOnlyList<(string Name, string Value)> Parameters { get; private set; } = [];

    public void OnGet() =>
        Parameters = [.. Request.Query.Where(p => _passedOn.Contains(p.Key)).Select(p => (p.Key, p.Value.ToString()))];
}
