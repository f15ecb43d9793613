using System.Text.Json.Nodes;

namespace CommunityOfPractice.Api.Tests.Platform.Fuzz;

public sealed record ApiParameter(string Name, string In, bool Required, JsonObject Schema);

/// <summary>One operation of /openapi/v1.json, as much of it as the fuzzer needs.</summary>
public sealed record ApiOperation(
    string Id, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonObject? JsonBody, JsonObject? MultipartBody, bool NeedsSignIn)
{
    public bool IsMultipart => MultipartBody is not null;

    public override string ToString() => $"{Id} ({Method} {Path})";
}

/// <summary>The served description read into operations, with the schema look-ups a generator needs.</summary>
public sealed class ApiDescription
{
    private static readonly string[] _methods = ["get", "put", "post", "delete", "patch"];
    private readonly JsonObject _schemas;

    private ApiDescription(JsonObject schemas, IReadOnlyList<ApiOperation> operations)
    {
        _schemas = schemas;
        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static ApiDescription Parse(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(m => _methods.Contains(m.Key)))
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter((string)p!["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false,
                        p["schema"]?.AsObject() ?? new JsonObject { ["type"] = "string" }))
                    .ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var json1 = content?["application/json"]?["schema"]?.AsObject();
                var multipart = content?["multipart/form-data"]?["schema"]?.AsObject();
                // An upload described only in words (a PDF "file" part and nothing else) is multipart too.
                if (content is null && ((string?)operation["summary"])?.Contains("multipart", StringComparison.OrdinalIgnoreCase) == true)
                {
                    multipart = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
                }

                var needsSignIn = operation["security"] is not JsonArray { Count: 0 } && operation["security"] is not null;
                operations.Add(new ApiOperation((string)operation["operationId"]!, method.ToUpperInvariant(), path, parameters, json1, multipart, needsSignIn));
            }
        }

        return new ApiDescription(schemas, operations);
    }

    /// <summary>Follows a <c>$ref</c> to the named schema; anything else as it is.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        for (var hops = 0; hops < 10 && schema["$ref"] is JsonValue reference; hops++)
        {
            var name = ((string)reference!).Split('/')[^1];
            schema = _schemas[name]?.AsObject() ?? [];
        }

        return schema;
    }

    /// <summary>The schema with <c>oneOf: [null, X]</c> unwrapped to X, and whether null is allowed.</summary>
    public (JsonObject Schema, bool Nullable) Unwrap(JsonObject schema)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var nullable = oneOf.Any(o => (string?)o?["type"] == "null");
            var other = oneOf.FirstOrDefault(o => (string?)o?["type"] != "null")?.AsObject();
            return other is null ? (schema, nullable) : (Resolve(other), nullable);
        }

        return (schema, Types(schema).Contains("null"));
    }

    public static IReadOnlyList<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => [.. types.Select(t => (string)t!)],
        JsonValue type => [(string)type!],
        _ => schema["enum"] is not null ? ["string"] : schema["properties"] is not null ? ["object"] : [],
    };

    /// <summary>The main JSON type of a schema: object, array, integer, number, boolean or string.</summary>
    public string Kind(JsonObject schema)
    {
        var (unwrapped, _) = Unwrap(schema);
        var types = Types(unwrapped).Where(t => t != "null").ToList();
        foreach (var kind in (string[])["object", "array", "integer", "number", "boolean"])
        {
            if (types.Contains(kind))
            {
                return kind;
            }
        }

        return "string";
    }
}
