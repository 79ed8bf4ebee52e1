using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features;

/// <summary>
/// The before/after snapshots of an audit entry: compact JSON, camelCase, enums by name, Chinese kept readable. The
/// text is hashed into the chain, so it must be the same for the same facts: no indentation, fixed property order.
/// </summary>
internal static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Of(object snapshot) => JsonSerializer.Serialize(snapshot, Options);
}
