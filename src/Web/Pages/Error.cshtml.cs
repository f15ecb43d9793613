using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace CommunityOfPractice.Web.Pages;

/// <summary>
/// Shown for unhandled exceptions (/Error) and for empty error responses (/Error/404 etc., through
/// status code pages). It answers any method, because a failed POST is re-executed as a POST.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    public void OnGet(int? statusCode) => Describe(statusCode);

    public void OnPost(int? statusCode) => Describe(statusCode);

    private void Describe(int? statusCode)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Status = statusCode ?? StatusCodes.Status500InternalServerError;
        if (!reExecuted)
        {
            Response.StatusCode = Status;
        }

        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = Status switch
        {
            StatusCodes.Status400BadRequest => ("The form could not be sent",
                "This can happen when a page has been open for a long time. Go back, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("You do not have access to this page",
                "If you think you should, ask one of the community's admins."),
            StatusCodes.Status404NotFound => ("Page not found",
                "The address may be mistyped, or the page may have moved. Check the address or start from the home page."),
            StatusCodes.Status405MethodNotAllowed => ("That did not work",
                "This page cannot be used that way. Start again from the home page."),
            StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout =>
                ("The community service is not answering", "Please try again in a minute."),
            _ => ("Sorry, something went wrong", "It has been logged. Please try again; if it keeps happening, tell one of the admins."),
        };
    }
}
