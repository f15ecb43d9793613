using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace CommunityOfPractice.Contracts.Live;

/// <summary>
/// MessagePack for the live hub, shaped exactly as its JSON: every value goes through
/// System.Text.Json first (so camelCase names, enums by name, a stored event's <c>data</c> as it
/// was written) and its JSON tree is then written as MessagePack maps, arrays, strings, numbers,
/// booleans and nils. A client applies both protocols with the same code (docs/live-protocol.md,
/// ADR 0015). MessagePack's own resolvers would write property names as declared (<c>Seq</c>, not
/// <c>seq</c>) and know nothing of <see cref="JsonElement"/>.
/// </summary>
public static class LiveMessagePack
{
    /// <summary>For <c>AddMessagePackProtocol(o =&gt; o.SerializerOptions = …)</c> on the hub and on .NET clients.</summary>
    public static MessagePackSerializerOptions Options(JsonSerializerOptions json) =>
        MessagePackSerializerOptions.Standard
            .WithResolver(new JsonShapedResolver(json))
            .WithSecurity(MessagePackSecurity.UntrustedData);

    private sealed class JsonShapedResolver(JsonSerializerOptions json) : IFormatterResolver
    {
        private readonly ConcurrentDictionary<Type, object> _formatters = new();

        public IMessagePackFormatter<T> GetFormatter<T>() =>
            (IMessagePackFormatter<T>)_formatters.GetOrAdd(typeof(T), _ => new ViaJson<T>(json));
    }

    private sealed class ViaJson<T>(JsonSerializerOptions json) : IMessagePackFormatter<T>
    {
        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options) =>
            Write(ref writer, value is JsonElement element ? element : JsonSerializer.SerializeToElement(value, json));

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Read(ref reader, writer, options);
            }

            return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, json)!;
        }
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    // What a client sends (a stream's name, a number) read back into JSON; nesting is bounded by the options' security.
    private static void Read(ref MessagePackReader reader, Utf8JsonWriter writer, MessagePackSerializerOptions options)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                writer.WriteNullValue();
                break;
            case MessagePackType.Boolean:
                writer.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64:
                writer.WriteNumberValue(reader.ReadUInt64());
                break;
            case MessagePackType.Integer:
                writer.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                writer.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.String:
                writer.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Binary:
                writer.WriteBase64StringValue(reader.ReadBytes()!.Value.ToArray());
                break;
            case MessagePackType.Array:
                var length = reader.ReadArrayHeader();
                options.Security.DepthStep(ref reader);
                writer.WriteStartArray();
                for (var i = 0; i < length; i++)
                {
                    Read(ref reader, writer, options);
                }

                writer.WriteEndArray();
                reader.Depth--;
                break;
            case MessagePackType.Map:
                var entries = reader.ReadMapHeader();
                options.Security.DepthStep(ref reader);
                writer.WriteStartObject();
                for (var i = 0; i < entries; i++)
                {
                    writer.WritePropertyName(reader.NextMessagePackType == MessagePackType.String
                        ? reader.ReadString()!
                        : reader.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Read(ref reader, writer, options);
                }

                writer.WriteEndObject();
                reader.Depth--;
                break;
            case MessagePackType.Extension:
                var header = reader.ReadExtensionFormatHeader();
                if (header.TypeCode != ReservedMessagePackExtensionTypeCode.DateTime)
                {
                    throw new MessagePackSerializationException($"Extension type {header.TypeCode} has no JSON shape.");
                }

                writer.WriteStringValue(reader.ReadDateTime(header));
                break;
            default:
                throw new MessagePackSerializationException($"A {reader.NextMessagePackType} has no JSON shape.");
        }
    }
}
