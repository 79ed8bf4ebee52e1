using System.ComponentModel.DataAnnotations;
using Portal.Domain.Common;
using Portal.Domain.Policy;

namespace Portal.Features;

/// <summary>
/// Binds the channel policy (<c>Protection</c>, <c>Penalty</c>, <c>PricePolicy</c>, <c>Business</c>, <c>Evidence</c>, <c>Review</c> sections) and the
/// holiday list once at start-up and refuses to start on a value outside its documented range or a time zone the machine does not know.
/// </summary>
public static class PolicySetup
{
    public static IServiceCollection AddChannelPolicy(this IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var policy = ChannelPolicy.Default;
            configuration.GetSection(ProtectionOptions.SectionName).Bind(policy.Protection);
            configuration.GetSection(PenaltyOptions.SectionName).Bind(policy.Penalty);
            configuration.GetSection(PricePolicyOptions.SectionName).Bind(policy.PricePolicy);
            configuration.GetSection(BusinessOptions.SectionName).Bind(policy.Business);
            configuration.GetSection(EvidenceOptions.SectionName).Bind(policy.Evidence);
            configuration.GetSection(ReviewOptions.SectionName).Bind(policy.Review);
            foreach (var part in new object[] { policy.Protection, policy.Penalty, policy.PricePolicy, policy.Business, policy.Evidence, policy.Review })
            {
                Validator.ValidateObject(part, new ValidationContext(part), validateAllProperties: true);
            }

            // An unknown zone fails here, at start-up, rather than at the first date a page shows.
            _ = policy.Calendar;

            // The holiday list (ADR 28): a missing or malformed file fails here too, not at the first deadline.
            var holidays = Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, policy.Review.HolidaysFile);
            using (var reader = File.OpenText(holidays))
            {
                policy.WorkingDays = WorkingDays.Parse(reader);
            }

            return policy;
        });
}
