using System.Text.Json;
using CommunityOfPractice.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become RFC 9457 ProblemDetails. Known failures get their status
/// and a message meant for people; anything else is a 500 with no internals in the body.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is TooManyRequestsException tooMany)
        {
            return await WriteTooManyRequestsAsync(httpContext, tooMany, problemDetails);
        }

        var problem = exception switch
        {
            ValidationException validation => Validation(validation),
            BadHttpRequestException badRequest => BadRequest(badRequest),
            NotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", exception.Message),
            ForbiddenException => Problem(StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
            GoneException => Problem(StatusCodes.Status410Gone, "No longer valid", exception.Message),
            PayloadTooLargeException => Problem(StatusCodes.Status413PayloadTooLarge, "Too large", exception.Message),
            UnsupportedContentException unsupported => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [unsupported.Field] = [unsupported.Message] })
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "This kind of file is not accepted",
            },
            UnprocessableException unprocessable => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [unprocessable.Field] = [unprocessable.Message] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "This request cannot be taken as sent",
            },
            ConflictException or DomainException => Problem(StatusCodes.Status409Conflict, "Conflict", exception.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict",
                "Someone else changed this at the same time. Reload and try again."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                Problem(StatusCodes.Status409Conflict, "Conflict", "This already exists."),
            _ when IsDatabaseOutage(exception) => Unavailable(httpContext, exception),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Something went wrong",
                "The server could not complete the request. It has been logged.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        await WriteAsync(problemDetails, new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
        return true;
    }

    // Still failing after the retries (RetryLimitExceededException), or a failure the retries
    // would call passing: PostgreSQL is down or restarting. The transaction never committed.
    private static bool IsDatabaseOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private ProblemDetails Unavailable(HttpContext httpContext, Exception exception)
    {
        logger.LogWarning(exception, "The database is not answering: {Method} {Path} answered 503", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = "10";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "The community's database is not answering just now, so nothing was changed. Try again in a few seconds.");
    }

    /// <summary>
    /// 429 with Retry-After, for a thrown <see cref="TooManyRequestsException"/> and for the rate
    /// limiter's refusals alike, so both read the same to clients.
    /// </summary>
    public static async ValueTask WriteTooManyRequestsAsync(HttpContext httpContext, TooManyRequestsException exception) =>
        await WriteTooManyRequestsAsync(httpContext, exception, httpContext.RequestServices.GetRequiredService<IProblemDetailsService>());

    private static async ValueTask<bool> WriteTooManyRequestsAsync(HttpContext httpContext, TooManyRequestsException exception, IProblemDetailsService problemDetails)
    {
        httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        httpContext.Response.Headers.RetryAfter = exception.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = Problem(StatusCodes.Status429TooManyRequests, "Too many requests", exception.Message);
        problem.Extensions["retryAfter"] = exception.RetryAfterSeconds;
        if (await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            return true;
        }

        // A browser posting one of the Api's own pages asked for HTML: the sentence, not a blank page.
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync(exception.Message, httpContext.RequestAborted);
        return true;
    }

    /// <summary>
    /// The problem as the service writes it; for a client whose Accept names no JSON type (text/csv,
    /// application/xml) the service declines, and the problem goes out as JSON anyway: answering
    /// "false" here would leave the error unhandled, and a 404 then becomes a 500.
    /// </summary>
    public static async Task WriteAsync(IProblemDetailsService problemDetails, ProblemDetailsContext context)
    {
        if (!await problemDetails.TryWriteAsync(context))
        {
            context.ProblemDetails.Title ??= ReasonPhrases.GetReasonPhrase(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            await context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, context.ProblemDetails.GetType(),
                options: null, contentType: "application/problem+json", cancellationToken: context.HttpContext.RequestAborted);
        }
    }

    /// <summary>
    /// A bare status with no body (a route that does not match, 401, 405, 415 from binding):
    /// the same ProblemDetails, also for clients that asked for something other than JSON.
    /// </summary>
    public static Task WriteStatusAsync(StatusCodeContext context) =>
        WriteAsync(context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>(), new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = context.HttpContext.Response.StatusCode },
        });

    private static ValidationProblemDetails Validation(ValidationException exception) => new(
        exception.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Some fields need attention",
    };

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        // Malformed JSON, unknown fields and wrong types: name the field, never the .NET type.
        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [json.InnerException is UnstorableTextException ? StorableText.Message
                    : field == "body" ? "The request body is not valid JSON." : "This field is unknown or has the wrong type."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read",
            };
        }

        // The framework's own wording names .NET types and internals; say what to do instead.
        return Problem(exception.StatusCode, "The request could not be read",
            "A required value is missing or one has the wrong format. See /openapi/v1.json for this endpoint's shape.");
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
