using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Api;

/// <summary>
/// The API's JSON: statuses and types as their PascalCase names, money as a number with two decimals
/// (DESIGN.md §7), numbers only as JSON numbers.
/// </summary>
public static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            // A number is a JSON number: "5" is not a quantity (the web defaults would read it, and the document would
            // have to type every number as "integer or string").
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new TwoDecimalsConverter());
        });

    private sealed class TwoDecimalsConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.00##", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
