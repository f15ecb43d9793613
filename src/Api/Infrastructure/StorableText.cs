using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// PostgreSQL text cannot hold a NUL character (U+0000): a query with one fails with 22021, which
/// was a 500 wherever such text reached the database. So text carrying a NUL is refused where it
/// enters, named by its field: JSON strings as they are read (<see cref="Converter"/>), query
/// values and the path before routing (<see cref="UseStorableText"/>).
/// </summary>
public static class StorableText
{
    public const string Message = "This text contains a NUL character (U+0000), which cannot be stored.";

    public static IApplicationBuilder UseStorableText(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, values) in context.Request.Query)
        {
            if (name.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
            {
                errors[name.Replace("\0", "", StringComparison.Ordinal)] = [Message];
            }
        }

        if (context.Request.Path.Value?.Contains('\0') == true)
        {
            errors["path"] = [Message];
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await ProblemDetailsExceptionHandler.WriteAsync(context.RequestServices.GetRequiredService<IProblemDetailsService>(), new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "Some fields need attention" },
        });
    });

    /// <summary>Reads JSON strings as usual and refuses one with a NUL; the exception handler names the field.</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value?.Contains('\0') == true ? throw new UnstorableTextException() : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>A JSON string with a NUL; the serializer wraps it with the field's path.</summary>
public sealed class UnstorableTextException() : JsonException(StorableText.Message);
