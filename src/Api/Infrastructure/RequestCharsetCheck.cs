using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// Minimal APIs read a JSON body in the charset its Content-Type names, and a name no
/// <see cref="Encoding"/> knows ("charset=nonsense") fails there as a bare InvalidOperationException,
/// which is a 500. It is the client's mistake, so it is answered before anything reads the body:
/// 415 on the body, saying to send UTF-8.
/// </summary>
public static class RequestCharsetCheck
{
    public static IApplicationBuilder UseRequestCharsetCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset is { Length: > 0 } charset
            && !IsKnown(HeaderUtilities.RemoveQuotes(charset).Value!))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await ProblemDetailsExceptionHandler.WriteAsync(context.RequestServices.GetRequiredService<IProblemDetailsService>(), new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["body"] = ["This character set is not one the Api reads; send UTF-8."],
                })
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "The request could not be read",
                },
            });
            return;
        }

        await next(context);
    });

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
