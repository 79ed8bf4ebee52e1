using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contract;

/// <summary>
/// The API's document is exact enough to generate a working client: it is what the portal serves, valid OpenAPI, every
/// operation has a method name, its security, every error it can answer and typed schemas; money, quantities, ids and
/// pages have their real types; the main requests carry examples that the document itself accepts.
/// </summary>
public sealed partial class ContractDocumentTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly ContractDocument Contract = ContractDocument.Committed;

    private static readonly string[] Anonymous = ["SignIn", "FileViolationReport", "GetHealth", "GetLiveness", "GetReadiness"];

    private static readonly string[] Exemplified = ["SignIn", "RegisterDeal", "ReportSale", "RequestExtension", "ApproveDeal", "FileViolationReport", "SignAgent", "SetNotificationPreferences"];

    [Fact]
    public async Task The_served_document_is_the_committed_contract()
    {
        using var client = App.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        if (!JsonNode.DeepEquals(served, Contract.Root))
        {
            var received = Path.ChangeExtension(ContractDocument.FilePath, ".received.json");
            await File.WriteAllTextAsync(received, served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Assert.Fail($"The API the portal serves is not the committed contract. Review the difference and, if it is meant, replace {ContractDocument.FilePath} with {received}.");
        }
    }

    [Fact]
    public void The_document_is_valid_openapi()
    {
        var read = OpenApiDocument.Parse(Contract.Root.ToJsonString(), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic?.SpecificationVersion);
        Assert.NotEmpty(read.Document!.Paths);
    }

    [Fact]
    public void Every_operation_has_a_unique_operation_id_that_reads_as_a_method_name()
    {
        var ids = Contract.Operations.Select(o => (string?)o.Operation["operationId"]).ToList();

        Assert.All(ids, id => Assert.Matches(MethodName(), id ?? string.Empty));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_sign_in_the_public_report_and_the_health_checks_are_open_to_anyone()
    {
        var open = Contract.Operations.Where(o => o.Operation["security"] is not JsonArray { Count: > 0 }).Select(o => (string)o.Operation["operationId"]!);

        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
        Assert.All(
            Contract.Operations.Where(o => o.Operation["security"] is JsonArray { Count: > 0 }),
            o => Assert.NotNull(o.Operation["security"]![0]!["Bearer"]));
    }

    [Fact]
    public void Every_api_operation_lists_the_errors_it_can_answer_each_a_coded_problem()
    {
        Assert.All(Contract.Operations.Where(o => o.Template.StartsWith("/api/", StringComparison.Ordinal)), o =>
        {
            var id = (string)o.Operation["operationId"]!;
            var statuses = o.Operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            var expected = new List<int> { 500 };
            expected.AddRange(o.Operation["security"] is JsonArray { Count: > 0 } ? [401, 403] : []);
            expected.AddRange(o.Operation["requestBody"] is not null ? [400, 413, 415] : []);
            expected.AddRange(o.Template.Contains('{', StringComparison.Ordinal) ? [404] : []);

            Assert.True(statuses.Any(s => s is >= 400 and < 500), $"{id} lists no 4xx");
            Assert.All(expected, s => Assert.True(statuses.Contains(s), $"{id} does not list {s}"));
            Assert.All(
                o.Operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'),
                r => Assert.Equal("#/components/schemas/ApiProblem", (string?)r.Value!["content"]?["application/problem+json"]?["schema"]?["$ref"]));
        });
        Assert.Contains("code", Contract.Root["components"]!["schemas"]!["ApiProblem"]!["required"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Every_success_and_every_request_body_has_a_schema_and_no_body_may_be_null()
    {
        Assert.All(Contract.Operations, o =>
        {
            var id = (string)o.Operation["operationId"]!;
            var success = o.Operation["responses"]!.AsObject().Where(r => r.Key[0] == '2').ToList();
            Assert.NotEmpty(success);
            Assert.All(success, r => Assert.True(
                r.Value!["content"]?["application/json"]?["schema"] is JsonObject
                    || (r.Value!["content"] is JsonObject { Count: > 0 } files && files.All(f => (string?)f.Value?["schema"]?["format"] == "binary")),
                $"{id} {r.Key} has no schema (JSON, or a file's bytes in each of its media types)"));
            if (o.Operation["requestBody"] is { } body)
            {
                Assert.True((bool?)body["required"] == true, $"{id}'s body is not required");
                if (body["content"]?["multipart/form-data"] is { } form)
                {
                    // A file upload: the form names its file part, typed as binary.
                    Assert.Contains("\"file\"", form.ToJsonString(), StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal("#/components/schemas/", ((string?)body["content"]?["application/json"]?["schema"]?["$ref"])?[..21]);
                }
            }
        });
    }

    [Fact]
    public void Every_schema_has_a_type_and_numbers_are_numbers()
    {
        var untyped = Schemas(Contract.Root).Where(s => s.Schema["type"] is null && s.Schema["$ref"] is null && s.Schema["oneOf"] is null && s.Schema["anyOf"] is null && s.Schema["allOf"] is null).Select(s => s.Path);
        var mixed = Schemas(Contract.Root).Where(s => s.Schema["type"] is JsonArray types && types.Any(t => (string?)t == "string") && types.Any(t => (string?)t is "integer" or "number")).Select(s => s.Path);
        var money = Schemas(Contract.Root).Where(s => (string?)s.Schema["format"] == "decimal").ToList();

        Assert.Empty(untyped);
        Assert.Empty(mixed);
        Assert.NotEmpty(money);
        // Money in fen; discount rates (a property named rate or …Rate) to four decimals.
        Assert.All(money, s => Assert.Equal(IsRate(s.Path) ? 0.0001m : 0.01m, (decimal?)s.Schema["multipleOf"]));
        Assert.Contains(money, s => IsRate(s.Path));
        Assert.All(money, s => Assert.Contains("number", TypesOf(s.Schema)));
    }

    [Theory]
    [InlineData("LineInput", "quantity", "integer")]
    [InlineData("DealLineView", "quantity", "integer")]
    [InlineData("DealRow", "id", "integer")]
    [InlineData("DealRow", "total", "number")]
    [InlineData("DealRow", "status", "string")]
    [InlineData("ListDeals", "page", "integer")]
    [InlineData("DealRegistrationResponse", "protectedUntil", "string")]
    public void Properties_and_parameters_have_their_real_types(string owner, string name, string type)
    {
        var node = Contract.Root["components"]!["schemas"]![owner]?["properties"]![name]
            ?? Contract.Operations.Single(o => (string?)o.Operation["operationId"] == owner).Operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!["schema"]!;

        Assert.Contains(type, TypesOf(Resolved(node.AsObject())));
    }

    [Fact]
    public void A_value_that_is_always_present_is_required_and_never_null()
    {
        var problem = Contract.Root["components"]!["schemas"]!["ApiProblem"]!;
        var row = Contract.Root["components"]!["schemas"]!["DealRow"]!;

        Assert.Equal(["code", "requestId", "status", "title", "type"], problem["required"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("protectedUntil", row["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["string"], TypesOf(row["properties"]!["customerName"]!.AsObject()));
        Assert.Equal(["null", "string"], TypesOf(row["properties"]!["protectedUntil"]!.AsObject()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lists_say_their_pages_count_from_zero()
    {
        var pages = Contract.Operations.SelectMany(o => (o.Operation["parameters"] as JsonArray ?? []).Where(p => (string?)p!["name"] == "page").Select(p => p!)).ToList();

        Assert.Equal(6, pages.Count);
        Assert.All(pages, p => Assert.Equal(0, (int?)p["schema"]!["minimum"]));
        Assert.All(pages, p => Assert.Contains("counted from 0", (string?)p["description"], StringComparison.Ordinal));
    }

    [Fact]
    public void The_main_requests_carry_examples_the_document_accepts()
    {
        var byId = Contract.Operations.ToDictionary(o => (string)o.Operation["operationId"]!, o => o.Operation);

        Assert.All(Exemplified, id =>
        {
            var media = byId[id]["requestBody"]!["content"]!["application/json"]!;
            Assert.True(media["example"] is JsonObject, $"{id} has no example");
            Assert.Empty(Contract.CheckRequest(id, media["example"]!));
        });
    }

    private static JsonObject Resolved(JsonObject schema) =>
        (string?)schema["$ref"] is { } reference ? Contract.Root["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject() : schema;

    private static IReadOnlyList<string> TypesOf(JsonObject schema) =>
        schema["type"] switch
        {
            JsonArray types => [.. types.Select(t => (string)t!)],
            JsonValue type => [(string)type!],
            _ => [],
        };

    // Every schema object of the document with where it is: components, their properties and items, parameters,
    // request bodies and responses.
    private static IEnumerable<(string Path, JsonObject Schema)> Schemas(JsonNode root)
    {
        foreach (var (name, schema) in root["components"]!["schemas"]!.AsObject())
        {
            foreach (var found in Within($"#/components/schemas/{name}", schema!.AsObject()))
            {
                yield return found;
            }
        }

        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in operation!["parameters"] as JsonArray ?? [])
                {
                    foreach (var found in Within($"{method} {path} {parameter!["name"]}", parameter["schema"]!.AsObject()))
                    {
                        yield return found;
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Schema)> Within(string path, JsonObject schema)
    {
        yield return (path, schema);
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            foreach (var found in Within($"{path}.{name}", property!.AsObject()))
            {
                yield return found;
            }
        }

        foreach (var (key, nested) in new[] { ("items", schema["items"]), ("additionalProperties", schema["additionalProperties"]) })
        {
            if (nested is JsonObject inner)
            {
                foreach (var found in Within($"{path}.{key}", inner))
                {
                    yield return found;
                }
            }
        }

        foreach (var branch in (schema["oneOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var found in Within($"{path}.oneOf", branch))
            {
                yield return found;
            }
        }
    }

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")]
    private static partial Regex MethodName();

    private static bool IsRate(string path) => path.EndsWith(".rate", StringComparison.Ordinal) || path.EndsWith("Rate", StringComparison.Ordinal);
}
