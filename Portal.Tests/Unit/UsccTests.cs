using Portal.Domain.Customers;

namespace Portal.Tests.Unit;

public sealed class UsccTests
{
    [Theory]
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    [InlineData("91440300192317458F")] // 比亚迪股份有限公司
    [InlineData("91440300100012316L")] // 中国平安保险（集团）股份有限公司
    [InlineData("91110000710925462X")]
    [InlineData("911100001000044477")]
    public void Real_world_codes_are_valid(string code)
    {
        Assert.Null(Uscc.Validate(code));
        Assert.Equal(code, Uscc.Parse(code).Value);
    }

    [Fact]
    public void Lower_case_and_surrounding_blanks_are_accepted_and_normalized()
    {
        Assert.Equal("91440300708461136T", Uscc.Parse("  91440300708461136t ").Value);
    }

    [Theory]
    [InlineData(null, UsccError.Empty)]
    [InlineData("", UsccError.Empty)]
    [InlineData("   ", UsccError.Empty)]
    [InlineData("9144030070846113", UsccError.WrongLength)]
    [InlineData("91440300708461136TX", UsccError.WrongLength)]
    [InlineData("91440300708461136I", UsccError.InvalidCharacter)] // I is not in the alphabet
    [InlineData("9144030070846113OT", UsccError.InvalidCharacter)] // nor O
    [InlineData("91440300-08461136T", UsccError.InvalidCharacter)]
    [InlineData("H1440300708461136T", UsccError.InvalidRegistrationAuthority)]
    [InlineData("9144A300708461136T", UsccError.InvalidRegionPart)]
    [InlineData("91440300708461137T", UsccError.OrganizationCodeCheckFailed)]
    [InlineData("91440300708461136U", UsccError.CheckCharacterMismatch)]
    [InlineData("91440301708461136T", UsccError.CheckCharacterMismatch)] // one region digit changed
    public void Malformed_codes_fail_with_their_reason(string? code, UsccError expected)
    {
        Assert.Equal(expected, Uscc.Validate(code));
        Assert.False(Uscc.TryParse(code, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Every_single_character_substitution_of_a_valid_code_is_detected()
    {
        const string valid = "91440300708461136T";
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in Uscc.Alphabet)
            {
                if (replacement == valid[position])
                {
                    continue;
                }

                var tampered = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                Assert.NotNull(Uscc.Validate(tampered));
            }
        }
    }

    [Fact]
    public void Created_codes_carry_both_check_characters()
    {
        var code = Uscc.Create('9', '1', "440106", "MA5C0101");

        Assert.Null(Uscc.Validate(code.Value));
        Assert.StartsWith("91440106MA5C0101", code.Value, StringComparison.Ordinal);
    }
}
