using Portal.Data.Seed;
using Portal.Domain.Regions;
using Portal.Features;

namespace Portal.Tests.Unit;

/// <summary>How the region pickers find a region from what a person types.</summary>
public sealed class RegionSearchTests
{
    private static readonly Region Guangzhou = new(RegionCode.Parse("440100"), "广州市", "Guangzhou");
    private static readonly Region Lüliang = new(RegionCode.Parse("141100"), "吕梁市", "Lüliang");

    private static readonly RegionSearch Shipped = new(RegionFile.Load(), RegionFile.Initials());

    [Theory]
    [InlineData("广州")]
    [InlineData("州市")]
    [InlineData("广州市")]
    public void Part_of_the_chinese_name_finds_the_region(string typed)
    {
        Assert.True(RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Theory]
    [InlineData("Guangzhou")]
    [InlineData("guangzhou")]
    [InlineData("GUANG")]
    [InlineData("zhou")]
    public void Part_of_the_english_name_finds_the_region_whatever_the_case(string typed)
    {
        Assert.True(RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Theory]
    [InlineData("guang'zhou")]
    [InlineData("guang’zhou")]
    [InlineData("guang zhou")]
    [InlineData("guangz")]
    public void Pinyin_still_being_composed_by_an_input_method_finds_the_region(string typed)
    {
        Assert.True(RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Theory]
    [InlineData("lvliang")]
    [InlineData("lüliang")]
    [InlineData("luliang")]
    public void A_u_umlaut_may_be_typed_as_v_as_pinyin_input_methods_do(string typed)
    {
        Assert.True(RegionSearch.Matches(Lüliang, "lls", typed));
    }

    [Theory]
    [InlineData("4", true)]
    [InlineData("4401", true)]
    [InlineData("440100", true)]
    [InlineData("4403", false)]
    [InlineData("0100", false)]
    public void The_start_of_the_code_finds_the_region_but_not_its_middle(string typed, bool found)
    {
        Assert.Equal(found, RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Theory]
    [InlineData("g", true)]
    [InlineData("gz", true)]
    [InlineData("GZ", true)]
    [InlineData("gzs", true)]
    [InlineData("zs", false)]
    [InlineData("gzq", false)]
    public void The_start_of_the_pinyin_initials_finds_the_region(string typed, bool found)
    {
        Assert.Equal(found, RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Theory]
    [InlineData("深圳")]
    [InlineData("shenzhen")]
    [InlineData("sz")]
    public void Another_regions_name_or_initials_do_not_find_it(string typed)
    {
        Assert.False(RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_text_finds_every_region(string? typed)
    {
        Assert.True(RegionSearch.Matches(Guangzhou, "gzs", typed));
    }

    [Fact]
    public void Gz_finds_guangzhou_alone_among_the_cities_of_guangdong()
    {
        var found = Shipped.Children("440000", "gz");

        Assert.Equal(["440100"], found.Select(r => r.Code));
    }

    [Theory]
    [InlineData(null, "gd", "440000")]
    [InlineData("440100", "th", "440106")]
    [InlineData("440100", "天河", "440106")]
    [InlineData("440100", "Tianhe", "440106")]
    [InlineData(null, "44", "440000")]
    public void Each_level_is_searched_among_the_children_of_the_level_above(string? parent, string typed, string code)
    {
        Assert.Equal([code], Shipped.Children(parent, typed).Select(r => r.Code));
    }

    [Fact]
    public void Regions_the_text_begins_come_before_regions_that_only_contain_it()
    {
        var found = Shipped.Children(null, "gx");

        Assert.Equal(["450000", "360000", "640000"], found.Select(r => r.Code)); // 广西 (gx…), then 江西 (Jiangxi), 宁夏 (Ningxia)
    }

    [Fact]
    public void Without_text_every_province_is_offered_in_code_order()
    {
        var provinces = Shipped.Children(null, null).Select(r => r.Code).ToList();

        Assert.Equal(31, provinces.Count);
        Assert.Equal(provinces.Order(StringComparer.Ordinal), provinces);
    }

    [Fact]
    public void A_city_without_districts_has_no_children()
    {
        Assert.True(Shipped.HasChildren("440100"));
        Assert.False(Shipped.HasChildren("440200"));
    }
}
