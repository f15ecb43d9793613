using Microsoft.AspNetCore.Mvc.Filters;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// Whether the Api refused this request's session (one per request). Pages call the Api several
/// times at once, so the first refusal ends the session and the others only see it ended.
/// </summary>
public sealed class SessionEnding
{
    private int _ended;

    public bool Ended => Volatile.Read(ref _ended) == 1;

    /// <summary>True for the one caller that gets to end the session.</summary>
    public bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;
}

/// <summary>
/// When the Api refused this session's token in the middle of a page (<see cref="Api.AccessTokenHandler"/>
/// ended the session), the page is not shown half as a member: the browser loads it again as a
/// visitor, so a members' page asks them to sign in and a public page shows what visitors see.
/// </summary>
public sealed class SessionEndedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        // A handler that redirects anyway (signing out, post-redirect-get) goes where it meant to.
        if (context.HttpContext.RequestServices.GetRequiredService<SessionEnding>().Ended && !context.HttpContext.Response.HasStarted
            && executed.Result is not (RedirectResult or LocalRedirectResult or RedirectToPageResult))
        {
            var request = context.HttpContext.Request;
            executed.Result = new RedirectResult(request.PathBase + request.Path + request.QueryString);
        }
    }
}
