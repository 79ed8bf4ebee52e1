using Portal.Domain.Regions;

namespace Portal.Tests.Unit;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("440000", RegionLevel.Province)]
    [InlineData("440100", RegionLevel.City)]
    [InlineData("440106", RegionLevel.District)]
    public void The_level_follows_from_the_code(string code, RegionLevel level)
    {
        Assert.Equal(level, RegionCode.Parse(code).Level);
    }

    [Theory]
    [InlineData("440000", "440106", true)]
    [InlineData("440000", "440100", true)]
    [InlineData("440100", "440106", true)]
    [InlineData("440106", "440106", true)]
    [InlineData("440100", "440300", false)]
    [InlineData("440106", "440104", false)]
    [InlineData("440106", "440100", false)] // a district does not contain its city
    [InlineData("440000", "450100", false)]
    public void A_region_contains_every_code_below_it(string outer, string inner, bool contains)
    {
        Assert.Equal(contains, RegionCode.Parse(outer).Contains(RegionCode.Parse(inner)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4401")]
    [InlineData("44010A")]
    [InlineData("000000")]
    [InlineData("4401060")]
    public void Malformed_codes_are_refused(string? code)
    {
        Assert.False(RegionCode.TryParse(code, out _));
    }

    [Fact]
    public void Parents_climb_district_to_city_to_province()
    {
        var district = RegionCode.Parse("440106");

        Assert.Equal("440100", district.Parent?.Value);
        Assert.Equal("440000", district.Parent?.Parent?.Value);
        Assert.Null(district.Province.Parent);
    }
}
