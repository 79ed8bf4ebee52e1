using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Features.Recruitment;

namespace Portal.Tests.Builders;

/// <summary>A valid application for a Tier1 sub-agent in Tianhe (440106), for a recruiter such as CORE-GZ.</summary>
internal static class ApplicationInputs
{
    /// <summary>An application with a code and an organization body unique to <paramref name="n"/>.</summary>
    public static NewAgentInput Tier1(string codePrefix, string legalName, int n) => new()
    {
        Code = $"{codePrefix}{n}",
        LegalName = legalName,
        Uscc = Uscc.Create('9', '1', "440106", $"MA5W{n}").Value,
        Tier = AgentTier.Tier1,
        Territory = ["440106"],
        ContactName = "陈经理",
        ContactPhone = "020-1234-5678",
        ContactEmail = "chen@wait.example.cn",
    };
}
