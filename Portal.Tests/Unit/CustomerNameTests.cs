using Portal.Domain.Customers;

namespace Portal.Tests.Unit;

public sealed class CustomerNameTests
{
    [Theory]
    [InlineData("广州某某科技有限公司", "广州某某科技")]
    [InlineData("广州某某科技有限责任公司", "广州某某科技")]
    [InlineData("广州某某科技股份有限公司", "广州某某科技")]
    [InlineData("  广州某某科技 有限公司 ", "广州某某科技")]
    [InlineData("广州某某科技（集团）有限公司", "广州某某科技集团")]
    [InlineData("ＡＢＣ科技有限公司", "abc科技")] // full-width letters fold to half-width
    [InlineData("ABC　科技", "abc科技")] // ideographic space
    [InlineData("ACME Co., Ltd.", "acme")]
    [InlineData("Acme Company Limited", "acme")]
    [InlineData("ACME Corporation", "acme")]
    [InlineData("acme ltd", "acme")]
    public void Names_fold_to_their_comparable_form(string name, string expected)
    {
        Assert.Equal(expected, CustomerName.Normalize(name));
    }

    [Fact]
    public void Two_spellings_of_one_company_compare_equal()
    {
        Assert.Equal(CustomerName.Normalize("广州越秀文化传媒有限公司"), CustomerName.Normalize("广州越秀文化传媒 有限责任公司"));
    }

    [Fact]
    public void A_name_that_is_only_a_suffix_is_kept()
    {
        Assert.Equal("有限公司", CustomerName.Normalize("有限公司"));
    }

    [Theory]
    [InlineData("有限公司", false)]
    [InlineData("股份有限公司", false)]
    [InlineData("Co., Ltd.", false)]
    [InlineData("Company Limited", false)]
    [InlineData("（）！", false)]
    [InlineData("广州天河软件园科技有限公司", true)]
    [InlineData("Limited Brands Inc.", true)]
    public void A_name_identifies_a_company_only_when_something_is_left_beside_its_legal_form(string name, bool identifies)
    {
        Assert.Equal(identifies, CustomerName.Identifies(name));
    }

    [Fact]
    public void Different_companies_stay_different()
    {
        Assert.NotEqual(CustomerName.Normalize("广州天河软件园科技有限公司"), CustomerName.Normalize("广州天河家居服务有限公司"));
    }
}
