using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityOfPractice.Contracts;

/// <summary>
/// How the wire records are written: camelCase names, enums by name. The Api sets the same on
/// its side (and refuses unknown fields); clients read with these options.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create() => new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };
}
