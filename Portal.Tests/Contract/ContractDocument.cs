using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contract;

/// <summary>
/// The API's contract as integrators read it: <c>docs/api/openapi-v1.json</c>, the document the portal serves (a test
/// keeps them equal). Answers which operation a request is, and what is wrong with a response to it — a status the
/// operation does not list, a media type it does not list, a body its schema refuses — the way a validating proxy in
/// front of the portal would.
/// </summary>
public sealed class ContractDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly List<(Regex Path, string Method, string Template, JsonObject Operation)> _operations = [];
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly JsonObject _definitions;

    private ContractDocument(JsonObject root)
    {
        Root = root;
        foreach (var (template, item) in root["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);
            foreach (var method in Methods.Where(m => item![m] is JsonObject))
            {
                _operations.Add((pattern, method, template, item![method]!.AsObject()));
            }
        }

        _definitions = Rewritten(root["components"]?["schemas"] ?? new JsonObject()).AsObject();
    }

    /// <summary>The contract as committed.</summary>
    public static ContractDocument Committed { get; } = Parse(File.ReadAllText(FilePath));

    /// <summary>Where the contract is kept.</summary>
    public static string FilePath => Path.Combine(SourceFiles.Root, "docs", "api", "openapi-v1.json");

    public JsonObject Root { get; }

    /// <summary>Every operation: its method, path template and the operation object.</summary>
    public IEnumerable<(string Method, string Template, JsonObject Operation)> Operations =>
        _operations.Select(o => (o.Method, o.Template, o.Operation));

    public static ContractDocument Parse(string json) => new(JsonNode.Parse(json)!.AsObject());

    /// <summary>The operation a request is, or null when the document has none (then a proxy refuses the request itself).</summary>
    public JsonObject? Find(string method, string path) =>
        _operations.FirstOrDefault(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && o.Path.IsMatch(path)).Operation;

    /// <summary>What the document says is wrong with a response; empty when the response is one the document describes.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? contentType, ReadOnlySpan<byte> body)
    {
        if (Find(method, path) is not { } operation)
        {
            return [];
        }

        var name = (string?)operation["operationId"] ?? $"{method} {path}";
        if (operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return [$"{name} answered {status}, which its responses do not list"];
        }

        var content = response["content"] as JsonObject;
        if (body.IsEmpty)
        {
            return content is { Count: > 0 } ? [$"{name} answered {status} without the body its response describes"] : [];
        }

        var mediaType = contentType?.Split(';')[0].Trim();
        if (content is null || mediaType is null || content[mediaType] is not JsonObject media)
        {
            return [$"{name} answered {status} as {mediaType ?? "no media type"}, which its response does not list"];
        }

        if (media["schema"] is not JsonNode schema)
        {
            return [];
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            // A file: its bytes are whatever was stored; the document can only say they are binary.
            return (string?)schema["format"] == "binary" ? [] : [$"{name} answered {status} with bytes its schema does not call binary"];
        }

        using var document = JsonDocument.Parse(body.ToArray());
        var results = SchemaOf($"{name} {status} {mediaType}", schema).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return Errors($"{name}'s {status} answer", results);
    }

    /// <summary>What the document says is wrong with a request body sent to an operation (the examples are held to it).</summary>
    public IReadOnlyList<string> CheckRequest(string operationId, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var operation = _operations.Single(o => (string?)o.Operation["operationId"] == operationId).Operation;
        var schema = operation["requestBody"]!["content"]!["application/json"]!["schema"]!;
        using var document = JsonDocument.Parse(body.ToJsonString());
        var results = SchemaOf($"{operationId} request", schema).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return Errors(operationId + " request", results);
    }

    private static IReadOnlyList<string> Errors(string what, EvaluationResults results) =>
        results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{what} is refused by its schema at {d.InstanceLocation}: {e.Value}"))
                .DefaultIfEmpty($"{what} is refused by its schema")];

    // The operation's schema with the document's component schemas as its definitions, so that its references resolve.
    private JsonSchema SchemaOf(string key, JsonNode schema) =>
        _schemas.GetOrAdd(key, _ =>
        {
            var standalone = Rewritten(schema).AsObject();
            standalone["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            standalone["$defs"] = _definitions.DeepClone();
            return JsonSchema.FromText(standalone.ToJsonString());
        });

    // "#/components/schemas/X" → "#/$defs/X".
    private static JsonNode Rewritten(JsonNode node) =>
        JsonNode.Parse(node.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
}
