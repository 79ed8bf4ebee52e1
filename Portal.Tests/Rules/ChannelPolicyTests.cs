using System.ComponentModel.DataAnnotations;
using Portal.Domain.Policy;

namespace Portal.Tests.Rules;

/// <summary>The policy settings: DESIGN.md's defaults, bindable from configuration, range-checked.</summary>
public sealed class ChannelPolicyTests
{
    [Fact]
    public void The_defaults_are_those_the_design_documents()
    {
        var policy = ChannelPolicy.Default;

        Assert.Equal(90, policy.Protection.RegistrationDays);
        Assert.Equal(90, policy.Protection.ExtensionDays);
        Assert.Equal(100, policy.Protection.MaxActiveRegistrations);
        Assert.Equal(30, policy.Protection.CooldownDays);
        Assert.Equal(12, policy.Protection.AfterSaleMonths);
        Assert.Equal(30, policy.Penalty.SuspensionDays);
        Assert.Equal(15, policy.Penalty.AppealDays);
        Assert.Equal(12, policy.Penalty.WindowMonths);
        Assert.Equal(PriceMode.Enforce, policy.PricePolicy.Mode);
    }

    [Fact]
    public void The_policy_binds_from_its_configuration_sections()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Protection:RegistrationDays"] = "60",
                ["Protection:CooldownDays"] = "14",
                ["Penalty:AppealDays"] = "20",
                ["PricePolicy:Mode"] = "Monitor",
            })
            .Build();

        var policy = new ChannelPolicy();
        configuration.Bind(policy);
        var protection = configuration.GetSection(ProtectionOptions.SectionName).Get<ProtectionOptions>()!;

        Assert.Equal(60, policy.Protection.RegistrationDays);
        Assert.Equal(14, policy.Protection.CooldownDays);
        Assert.Equal(90, policy.Protection.ExtensionDays); // untouched settings keep their defaults
        Assert.Equal(20, policy.Penalty.AppealDays);
        Assert.Equal(PriceMode.Monitor, policy.PricePolicy.Mode);
        Assert.Equal(60, protection.RegistrationDays);
    }

    [Fact]
    public void Nonsensical_settings_fail_validation()
    {
        var protection = new ProtectionOptions { RegistrationDays = 0, MaxActiveRegistrations = -1 };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(protection, new ValidationContext(protection), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal(["RegistrationDays", "MaxActiveRegistrations"], results.SelectMany(r => r.MemberNames));
    }

    [Fact]
    public void The_default_settings_pass_validation()
    {
        var policy = ChannelPolicy.Default;

        Assert.True(Validator.TryValidateObject(policy.Protection, new ValidationContext(policy.Protection), null, validateAllProperties: true));
        Assert.True(Validator.TryValidateObject(policy.Penalty, new ValidationContext(policy.Penalty), null, validateAllProperties: true));
    }
}
