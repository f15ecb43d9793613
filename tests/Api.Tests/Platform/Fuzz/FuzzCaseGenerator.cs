using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace CommunityOfPractice.Api.Tests.Platform.Fuzz;

/// <summary>One generated request; its content is made fresh for each send.</summary>
public sealed record FuzzCase(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, Func<HttpContent?> Content, string What, string BodyPreview)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery) { Content = Content() };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public override string ToString()
    {
        var path = PathAndQuery.Length > 300 ? $"{PathAndQuery[..300]}…({PathAndQuery.Length} chars)" : PathAndQuery;
        var headers = string.Join(" ", Headers.Select(h => $"[{h.Key}: {Shorten(h.Value, 60)}]"));
        return $"{Method} {path} {headers} body {BodyPreview} ({What})";
    }

    public static string Shorten(string text, int length) => text.Length > length ? $"{text[..length]}…({text.Length} chars)" : text;
}

/// <summary>
/// Makes a case for an operation from a seeded <see cref="Random"/>: first a valid-looking request
/// built from the schema with real ids from the <see cref="FuzzWorld"/>, then (three times in four)
/// one to three mutations of its path, query, headers or body. The same seed gives the same case.
/// </summary>
public sealed class FuzzCaseGenerator(ApiDescription api, FuzzWorld world)
{
    private static readonly string[] _roles = ["host", "moderator", "funder", "publisher", "nonsense"];
    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] _pdf = TestPdfs.Create("Fuzzed upload");

    public FuzzCase Generate(ApiOperation operation, Random rng)
    {
        var draft = new Draft(operation) { Relaxed = rng.Next(2) == 0 };
        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    draft.Path[parameter.Name] = ValidParameter(operation, parameter, rng);
                    break;
                case "query" when parameter.Required || rng.Next(2) == 0:
                    draft.Query.Add(new(parameter.Name, ValidParameter(operation, parameter, rng)));
                    break;
                case "header" when rng.Next(2) == 0:
                    draft.Headers.Add(new(parameter.Name, Guid.NewGuid().ToString()));
                    break;
            }
        }

        if (operation.JsonBody is { } body)
        {
            draft.Body = Valid(body, "", rng, 0);
        }
        else if (operation.MultipartBody is { } metadata)
        {
            draft.Body = metadata["properties"] is JsonObject { Count: > 0 } ? Valid(metadata, "", rng, 0) : null;
            draft.Files.Add(new("file", "paper.pdf", "application/pdf", _pdf));
        }

        var what = new List<string>();
        if (rng.Next(4) == 0)
        {
            what.Add("valid-looking");
        }
        else
        {
            for (var mutations = rng.Next(1, 4); mutations > 0; mutations--)
            {
                what.Add(Mutate(operation, draft, rng));
            }
        }

        return draft.Render(string.Join("; ", what));
    }

    private string Mutate(ApiOperation operation, Draft draft, Random rng)
    {
        var hasBody = operation.JsonBody is not null || operation.IsMultipart;
        var choice = rng.Next(10);
        if (choice < 2 && draft.Path.Count > 0)
        {
            var name = rng.Pick(draft.Path.Keys.ToList());
            draft.Path[name] = BadEncoded(rng);
            return $"path {name}: bad";
        }

        if (choice < 4)
        {
            return MutateQuery(operation, draft, rng);
        }

        if (choice == 4)
        {
            return MutateHeaders(draft, rng);
        }

        if (!hasBody)
        {
            // Bodies where none is expected are mistakes too.
            draft.RawBody = Encoding.UTF8.GetBytes(rng.Pick(FuzzValues.MalformedBodies));
            draft.ContentType = rng.Next(2) == 0 ? "application/json" : rng.Pick(FuzzValues.WrongContentTypes);
            return "unexpected body";
        }

        return operation.IsMultipart ? MutateMultipart(draft, rng) : MutateBody(draft, rng);
    }

    private string MutateQuery(ApiOperation operation, Draft draft, Random rng)
    {
        var declared = operation.Parameters.Where(p => p.In == "query").ToList();
        if (declared.Count == 0 || rng.Next(5) == 0)
        {
            draft.Query.Add(new(rng.Pick<string>(["unknown", "limit", "after", "$filter", "%00", ""]), BadEncoded(rng)));
            return "query: unknown or stray parameter";
        }

        var parameter = rng.Pick(declared);
        draft.Query.RemoveAll(q => q.Key == parameter.Name);
        switch (rng.Next(4))
        {
            case 0:
                return $"query {parameter.Name}: missing";
            case 1:
                draft.Query.Add(new(parameter.Name, ValidParameter(operation, parameter, rng)));
                draft.Query.Add(new(parameter.Name, BadEncoded(rng)));
                return $"query {parameter.Name}: twice";
            default:
                draft.Query.Add(new(parameter.Name, BadParameter(parameter, rng)));
                return $"query {parameter.Name}: bad";
        }
    }

    private static string MutateHeaders(Draft draft, Random rng)
    {
        switch (rng.Next(3))
        {
            case 0:
                draft.Headers.Add(new("Idempotency-Key", rng.Next(3) == 0 ? new string('k', rng.Next(200, 9000)) : rng.Pick(FuzzValues.HeaderValues)));
                return "header Idempotency-Key: bad";
            case 1:
                draft.Headers.Add(new("Accept", rng.Pick<string>(["application/xml", "text/csv", "*/*;q=abc", "", "application/json;q=0"])));
                return "header Accept: odd";
            default:
                draft.Headers.Add(new("If-None-Match", rng.Pick(FuzzValues.HeaderValues)));
                draft.Headers.Add(new("X-Forwarded-For", rng.Pick<string>(["not an ip", "::1, 999.1.1.1", ""])));
                return "headers: odd extras";
        }
    }

    private string MutateBody(Draft draft, Random rng)
    {
        switch (rng.Next(10))
        {
            case 0:
                draft.RawBody = Encoding.UTF8.GetBytes(rng.Pick(FuzzValues.MalformedBodies));
                return "body: malformed JSON";
            case 1:
                draft.ContentType = rng.Pick(FuzzValues.WrongContentTypes);
                return $"body: content type {draft.ContentType}";
            case 2:
                draft.RawBody = rng.Next(2) == 0 ? [] : null;
                draft.ContentType = rng.Next(2) == 0 ? null : "application/json";
                draft.Body = null;
                return "body: none";
            case 3:
                var depth = rng.Next(2) == 0 ? 70 : 5000;
                draft.RawBody = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
                return $"body: nested {depth} deep";
            case 4:
                // Bytes that are not UTF-8 inside a string.
                draft.RawBody = [.. "{\"title\":\""u8, 0xFF, 0xFE, 0xC0, 0xAF, .. "\"}"u8];
                return "body: invalid UTF-8";
            default:
                return MutateNode(draft, rng);
        }
    }

    private string MutateMultipart(Draft draft, Random rng)
    {
        if (draft.Files.Count == 0)
        {
            draft.Files.Add(new("file", "paper.pdf", "application/pdf", _pdf));
        }

        switch (rng.Next(9))
        {
            case 0:
                draft.Body = null;
                return "multipart: no metadata";
            case 1:
                draft.MetadataText = rng.Pick(FuzzValues.MalformedBodies);
                return "multipart: malformed metadata";
            case 2:
                draft.Files.Clear();
                return "multipart: no file";
            case 3:
                draft.Files[0] = draft.Files[0] with { Bytes = rng.Next(2) == 0 ? [] : RandomBytes(rng, rng.Next(1, 5000)) };
                return "multipart: empty or random file";
            case 4:
                draft.Files[0] = draft.Files[0] with { ContentType = rng.Pick<string>(["text/plain", "image/png", "", "application/pdf; x=\"", "multipart/mixed"]) };
                return "multipart: file content type";
            case 5:
                draft.Files[0] = draft.Files[0] with { FileName = rng.Pick<string>(["", "../../etc/passwd", "a\u202Efdp.exe", new string('n', 5000) + ".pdf", "con.pdf", "a;b=c.pdf", "ファイル.pdf"]) };
                return "multipart: odd file name";
            case 6:
                draft.Files.Add(draft.Files.Count > 0 ? draft.Files[0] with { Name = rng.Pick<string>(["file", "other", ""]) } : new("file", "x.pdf", "application/pdf", _pdf));
                return "multipart: extra part";
            case 7:
                draft.FormContentType = rng.Pick<string>(["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=nope", "application/json", "text/plain"]);
                return $"multipart: content type {draft.FormContentType}";
            default:
                return draft.Body is null ? "multipart: as it is" : MutateNode(draft, rng);
        }
    }

    /// <summary>One field anywhere in the body: removed, nulled, of another type, or given a bad value of its own type.</summary>
    private string MutateNode(Draft draft, Random rng)
    {
        var root = draft.Operation.JsonBody ?? draft.Operation.MultipartBody!;
        draft.Body ??= Valid(root, "", rng, 0);
        var slots = new List<Slot>();
        Collect(draft.Body, root, "", slots);
        var slot = rng.Pick(slots);
        var (schema, _) = api.Unwrap(slot.Schema);
        var kind = api.Kind(schema);
        string description;
        JsonNode? value;
        switch (rng.Next(8))
        {
            case 0 when slot.Parent is JsonObject parent:
                parent.Remove(slot.Key!);
                return $"field {slot.Path}: missing";
            case 0 or 1:
                value = null;
                description = "null";
                break;
            case 2:
                value = WrongType(kind, rng, draft);
                description = "wrong type";
                break;
            case 3 when slot.Parent is JsonObject parent:
                parent[rng.Pick<string>(["unknown", "Id", "__proto__", "\u202E", "TITLE", ""])] = rng.Next(2) == 0 ? 1 : "x";
                return $"field {slot.Path}: unknown sibling";
            default:
                value = BadValue(schema, kind, slot.Key ?? "", rng, draft);
                description = $"bad {kind}";
                break;
        }

        if (slot.Parent is null)
        {
            draft.Body = value;
        }
        else if (slot.Parent is JsonObject obj)
        {
            obj[slot.Key!] = value;
        }
        else
        {
            ((JsonArray)slot.Parent)[slot.Index] = value;
        }

        return $"field {(slot.Path == "" ? "(body)" : slot.Path)}: {description}";
    }

    private sealed record Slot(JsonNode? Parent, string? Key, int Index, JsonObject Schema, string Path);

    private void Collect(JsonNode? node, JsonObject schema, string path, List<Slot> slots, JsonNode? parent = null, string? key = null, int index = 0)
    {
        slots.Add(new Slot(parent, key, index, schema, path));
        var (unwrapped, _) = api.Unwrap(schema);
        if (node is JsonObject obj && unwrapped["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                var child = obj.ContainsKey(name) ? obj[name] : null;
                if (obj.ContainsKey(name))
                {
                    Collect(child, propertySchema!.AsObject(), path == "" ? name : $"{path}.{name}", slots, obj, name);
                }
                else
                {
                    // An absent optional field can be given a bad value too.
                    slots.Add(new Slot(obj, name, 0, propertySchema!.AsObject(), path == "" ? name : $"{path}.{name}"));
                }
            }
        }
        else if (node is JsonArray array && unwrapped["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Collect(array[i], items, $"{path}[{i}]", slots, array, null, i);
            }
        }
    }

    private static JsonNode? WrongType(string kind, Random rng, Draft draft)
    {
        JsonNode?[] candidates =
        [
            kind == "integer" || kind == "number" ? "12" : 12,
            kind == "boolean" ? "true" : true,
            kind == "string" ? new JsonArray("a") : "text",
            kind == "array" ? new JsonObject { ["a"] = 1 } : new JsonArray(1, "a", null, new JsonObject()),
            kind == "object" ? new JsonArray() : new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray() } },
            draft.Raw(rng.Pick(FuzzValues.RawNumbers)),
        ];
        return rng.Pick(candidates);
    }

    private JsonNode? BadValue(JsonObject schema, string kind, string name, Random rng, Draft draft)
    {
        if (schema["enum"] is not null)
        {
            return rng.Next(4) == 0 ? draft.Raw(rng.Pick(FuzzValues.RawNumbers)) : rng.Pick(FuzzValues.BadEnums);
        }

        switch (kind)
        {
            case "integer" or "number":
                return draft.Raw(rng.Pick(FuzzValues.RawNumbers));
            case "boolean":
                return rng.Pick<JsonNode?>(["false ", 0, 1, "yes"]);
            case "array":
                var items = schema["items"] as JsonObject ?? new JsonObject { ["type"] = "string" };
                var array = new JsonArray();
                var count = rng.Next(3) switch { 0 => 0, 1 => rng.Next(1000, 20_000), _ => 3 };
                var one = count > 3 ? Valid(items, name, rng, 1) : null;
                for (var i = 0; i < count; i++)
                {
                    // Many copies of one item (duplicates), or several bad ones.
                    array.Add(count > 3 ? one?.DeepClone() : BadValue(api.Unwrap(items).Schema, api.Kind(items), name, rng, draft));
                }

                return array;
            case "object":
                return new JsonObject();
        }

        var format = (string?)schema["format"];
        return (format, rng.Next(3)) switch
        {
            (_, 0) when rng.Next(2) == 0 => draft.Raw(rng.Pick(FuzzValues.RawStrings)),
            ("uuid", _) => rng.Pick(FuzzValues.BadGuids),
            ("date" or "date-time", _) => rng.Pick(FuzzValues.BadDates),
            _ => FuzzValues.BadText(rng),
        };
    }

    private JsonNode? Valid(JsonObject schema, string name, Random rng, int depth)
    {
        var (unwrapped, _) = api.Unwrap(schema);
        if (unwrapped["enum"] is JsonArray values)
        {
            return (string?)rng.Pick(values.Where(v => v is not null).ToList());
        }

        switch (api.Kind(unwrapped))
        {
            case "object":
                if (depth > 5)
                {
                    return null;
                }

                var required = (unwrapped["required"] as JsonArray)?.Select(r => (string)r!).ToHashSet() ?? [];
                var obj = new JsonObject();
                foreach (var (property, propertySchema) in unwrapped["properties"] as JsonObject ?? [])
                {
                    if (required.Contains(property) || rng.Next(3) > 0)
                    {
                        obj[property] = Valid(propertySchema!.AsObject(), property, rng, depth + 1);
                    }
                }

                return obj;
            case "array":
                var items = unwrapped["items"] as JsonObject ?? new JsonObject { ["type"] = "string" };
                var array = new JsonArray();
                for (var i = rng.Next(0, 3); i > 0; i--)
                {
                    array.Add(Valid(items, name, rng, depth + 1));
                }

                return array;
            case "integer":
                return rng.Next(1, 10);
            case "number":
                return 1.5;
            case "boolean":
                return rng.Next(2) == 0;
        }

        return ValidText(unwrapped, name, rng);
    }

    private string ValidText(JsonObject schema, string name, Random rng)
    {
        var lower = name.ToLowerInvariant();
        return (string?)schema["format"] switch
        {
            "uuid" => (world.IdFor(name) ?? (rng.Next(3) == 0 ? Guid.NewGuid() : rng.Pick(world.AllIds.ToList()))).ToString(),
            "date" => $"20{rng.Next(20, 27)}-0{rng.Next(1, 10)}-1{rng.Next(0, 9)}",
            "date-time" => DateTimeOffset.UtcNow.AddDays(7).AddHours(lower.Contains("end", StringComparison.Ordinal) ? 2 : 0).ToString("O"),
            "email" => $"{rng.Next():x}@{FuzzWorld.EmailDomain}",
            _ when lower.Contains("email", StringComparison.Ordinal) => $"{rng.Next():x}@{FuzzWorld.EmailDomain}",
            _ when lower.Contains("url", StringComparison.Ordinal) || lower == "website" => "https://example.org/fuzz",
            _ when lower.Contains("password", StringComparison.Ordinal) => "Fuzz-pass-2026!",
            _ when lower.EndsWith("at", StringComparison.Ordinal) => DateTimeOffset.UtcNow.AddDays(7).AddHours(lower.Contains("end", StringComparison.Ordinal) ? 2 : 0).ToString("O"),
            _ => rng.Pick<string>(["Fuzz text", "Connection to mutuality #fuzz", "Hackney", "fuzz", "Ask @someone", "A"]) + $" {rng.Next(1000)}",
        };
    }

    private string ValidParameter(ApiOperation operation, ApiParameter parameter, Random rng)
    {
        var (schema, _) = api.Unwrap(parameter.Schema);
        if (schema["enum"] is JsonArray values)
        {
            return Uri.EscapeDataString((string)rng.Pick(values.Where(v => v is not null).ToList())!);
        }

        var kind = api.Kind(schema);
        if ((string?)schema["format"] == "uuid")
        {
            return (world.IdFor(parameter.Name) ?? rng.Pick(world.AllIds.ToList())).ToString();
        }

        return (parameter.Name, kind) switch
        {
            ("role", _) => rng.Pick(_roles),
            ("number", _) => rng.Next(1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("limit", _) => rng.Next(1, 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("page", _) => rng.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (_, "integer") => rng.Next(0, 2030).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (_, "boolean") => rng.Next(2) == 0 ? "true" : "false",
            _ => Uri.EscapeDataString(world.TextFor(operation.Path, parameter.Name) ?? ValidText(schema, parameter.Name, rng)),
        };
    }

    private static string BadParameter(ApiParameter parameter, Random rng) => rng.Next(5) switch
    {
        0 => rng.Pick(FuzzValues.RawNumbers),
        1 => Uri.EscapeDataString(rng.Pick(FuzzValues.BadGuids)),
        2 => Uri.EscapeDataString(rng.Pick(FuzzValues.BadEnums)),
        3 => Uri.EscapeDataString(rng.Pick(FuzzValues.BadDates)),
        _ => BadEncoded(rng),
    };

    /// <summary>Percent-encoded odd text, raw escapes that are not UTF-8, or a few thousand characters.</summary>
    private static string BadEncoded(Random rng) => rng.Next(6) switch
    {
        0 => rng.Pick(FuzzValues.RawEncoded),
        1 => new string('z', rng.Next(2) == 0 ? rng.Next(500, 4000) : 20_000),
        2 => Uri.EscapeDataString(rng.Pick(FuzzValues.BadGuids)),
        3 => rng.Pick(FuzzValues.RawNumbers),
        _ => Uri.EscapeDataString(rng.Pick(FuzzValues.OddText)),
    };

    private static byte[] RandomBytes(Random rng, int length)
    {
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        return bytes;
    }

    public sealed record FilePart(string Name, string FileName, string ContentType, byte[] Bytes);

    /// <summary>A request being built: everything kept as text that is already encoded for where it goes.</summary>
    private sealed class Draft(ApiOperation operation)
    {
        private readonly Dictionary<string, string> _raws = [];

        public ApiOperation Operation { get; } = operation;

        public Dictionary<string, string> Path { get; } = [];

        public List<KeyValuePair<string, string>> Query { get; } = [];

        public List<KeyValuePair<string, string>> Headers { get; } = [];

        public List<FilePart> Files { get; } = [];

        public JsonNode? Body { get; set; }

        public string? MetadataText { get; set; }

        public byte[]? RawBody { get; set; }

        public string? ContentType { get; set; } = "application/json";

        /// <summary>Replaces the form's own content type (and so its boundary).</summary>
        public string? FormContentType { get; set; }

        /// <summary>Non-ASCII text as UTF-8 bytes rather than escapes.</summary>
        public bool Relaxed { get; set; }

        /// <summary>A JSON token no serializer writes (1e309, a lone surrogate escape), spliced in as text.</summary>
        public JsonNode Raw(string json)
        {
            var placeholder = $"__raw{_raws.Count}__";
            _raws[placeholder] = json;
            return JsonValue.Create(placeholder);
        }

        public FuzzCase Render(string what)
        {
            var path = Operation.Path;
            foreach (var (name, value) in Path)
            {
                path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
            }

            if (Query.Count > 0)
            {
                path += "?" + string.Join("&", Query.Select(q => $"{q.Key}={q.Value}"));
            }

            var json = Body is null ? null : Splice(Body.ToJsonString(Relaxed ? _relaxed : null));
            Func<HttpContent?> content;
            string preview;
            if (Operation.IsMultipart && RawBody is null)
            {
                var metadata = MetadataText ?? json;
                var files = Files.ToList();
                var contentType = FormContentType;
                content = () => Multipart(metadata, files, contentType);
                preview = $"multipart metadata {FuzzCase.Shorten(metadata ?? "(none)", 200)} files [{string.Join(", ", files.Select(f => $"{f.Name}:{FuzzCase.Shorten(f.FileName, 40)}:{f.ContentType}:{f.Bytes.Length}B"))}]";
            }
            else
            {
                var bytes = RawBody ?? (json is null ? null : Encoding.UTF8.GetBytes(json));
                var contentType = ContentType;
                content = () => bytes is null ? null : Bytes(bytes, contentType);
                preview = bytes is null ? "(none)" : $"{contentType ?? "(no content type)"} {FuzzCase.Shorten(Encoding.UTF8.GetString(bytes), 200)}";
            }

            return new FuzzCase(Operation.Method, path, [.. Headers], content, what, preview);
        }

        private string Splice(string json)
        {
            foreach (var (placeholder, raw) in _raws)
            {
                json = json.Replace($"\"{placeholder}\"", raw, StringComparison.Ordinal);
            }

            return json;
        }

        private static ByteArrayContent Bytes(byte[] bytes, string? contentType)
        {
            var content = new ByteArrayContent(bytes);
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            return content;
        }

        private static HttpContent Multipart(string? metadata, IReadOnlyList<FilePart> files, string? contentType)
        {
            var form = new MultipartFormDataContent();
            if (metadata is not null)
            {
                form.Add(new StringContent(metadata, Encoding.UTF8, "application/json"), "metadata");
            }

            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Bytes);
                part.Headers.TryAddWithoutValidation("Content-Type", file.ContentType);
                if (file.Name == "")
                {
                    form.Add(part);
                }
                else if (file.FileName.Length == 0 || file.FileName.All(char.IsAscii))
                {
                    // Written as given (HttpClient refuses an empty or odd name through Add).
                    part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{file.Name}\"; filename=\"{file.FileName}\"");
                    form.Add(part);
                }
                else
                {
                    form.Add(part, file.Name, file.FileName);
                }
            }

            if (contentType is not null)
            {
                form.Headers.Remove("Content-Type");
                form.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            return form;
        }
    }
}
