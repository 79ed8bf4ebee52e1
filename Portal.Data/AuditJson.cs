using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Data;

/// <summary>
/// The before/after snapshots of an audit entry: compact JSON, camelCase, enums by name, Chinese kept readable. The
/// text is hashed into the chain, so it must be the same for the same facts: no indentation, fixed property order.
/// </summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The snapshot as JSON; null stays null.</summary>
    public static string? Of(object? snapshot) => snapshot is null ? null : JsonSerializer.Serialize(snapshot, Options);
}
