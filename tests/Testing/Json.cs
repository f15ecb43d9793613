using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityOfPractice.Testing;

public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
