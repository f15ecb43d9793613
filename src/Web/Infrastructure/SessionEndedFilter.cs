using Microsoft.AspNetCore.Mvc.Filters;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// When the Api refused this session's token in the middle of a page (<see cref="Api.AccessTokenHandler"/>
/// ended the session), the page is not shown half as a member: the browser loads it again as a
/// visitor, so a members' page asks them to sign in and a public page shows what visitors see.
/// </summary>
public sealed class SessionEndedFilter : IAsyncPageFilter
{
    private const string EndedItem = "cop.session-ended";

    public static void MarkEnded(HttpContext context) => context.Items[EndedItem] = true;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        // A handler that redirects anyway (signing out, post-redirect-get) goes where it meant to.
        if (context.HttpContext.Items.ContainsKey(EndedItem) && !context.HttpContext.Response.HasStarted
            && executed.Result is not (RedirectResult or LocalRedirectResult or RedirectToPageResult))
        {
            var request = context.HttpContext.Request;
            executed.Result = new RedirectResult(request.PathBase + request.Path + request.QueryString);
        }
    }
}
