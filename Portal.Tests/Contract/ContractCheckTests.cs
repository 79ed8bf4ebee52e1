using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contract;

/// <summary>The contract check finds what a validating proxy would, and it holds every API test's answers.</summary>
public sealed class ContractCheckTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private const string Problem = """{"type":"about:blank","title":"Not found.","status":404,"code":"NOT_FOUND","requestId":"x"}""";

    private static readonly ContractDocument Contract = ContractDocument.Committed;

    [Fact]
    public void A_response_the_document_describes_passes()
    {
        Assert.Empty(Contract.Check("GET", "/api/v1/deals/7", 404, "application/problem+json", Encoding.UTF8.GetBytes(Problem)));
    }

    [Fact]
    public void A_status_the_operation_does_not_list_is_found()
    {
        var found = Contract.Check("GET", "/api/v1/deals/7", 418, "application/problem+json", Encoding.UTF8.GetBytes(Problem));

        Assert.Contains("GetDeal answered 418", Assert.Single(found), StringComparison.Ordinal);
    }

    [Fact]
    public void A_media_type_the_response_does_not_list_is_found()
    {
        Assert.Single(Contract.Check("GET", "/api/v1/deals/7", 404, "text/html", "<html></html>"u8));
    }

    [Fact]
    public void A_body_its_schema_refuses_is_found()
    {
        var uncoded = """{"type":"about:blank","title":"Not found.","status":404,"requestId":"x"}""";
        var untyped = """{"id":"7","status":"Approved","reasons":[],"protectedUntil":null}""";

        Assert.NotEmpty(Contract.Check("GET", "/api/v1/deals/7", 404, "application/problem+json", Encoding.UTF8.GetBytes(uncoded)));
        Assert.NotEmpty(Contract.Check("POST", "/api/v1/deals", 201, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(untyped)));
    }

    [Fact]
    public void A_request_the_document_has_no_operation_for_is_not_the_responses_business()
    {
        Assert.Empty(Contract.Check("DELETE", "/api/v1/deals/7", 405, "application/problem+json", Encoding.UTF8.GetBytes(Problem)));
    }

    [Fact]
    public async Task Every_api_answer_of_the_test_portal_is_held_to_the_contract()
    {
        // The same portal, held to a contract in which reading a deal never answers 404.
        var narrowed = Contract.Root.DeepClone().AsObject();
        narrowed["paths"]!["/api/v1/deals/{id}"]!["get"]!["responses"]!.AsObject().Remove("404");
        using var strict = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            foreach (var check in services.Where(s => s.ImplementationInstance is ContractCheck).ToList())
            {
                services.Remove(check);
            }

            services.AddSingleton<IStartupFilter>(new ContractCheck(ContractDocument.Parse(narrowed.ToJsonString())));
        }));
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await SignInClient.TokenAsync(client, Tianhe));

        var violation = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync(new Uri("/api/v1/deals/999999", UriKind.Relative)));
        using var documented = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Contains("GetDeal answered 404", violation.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, documented.StatusCode);
    }
}
