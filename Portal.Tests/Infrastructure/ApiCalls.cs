using System.Text.Json;

namespace Portal.Tests.Infrastructure;

/// <summary>The small pieces every API test needs: a relative address and an answer's JSON.</summary>
internal static class ApiCalls
{
    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
