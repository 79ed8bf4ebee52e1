using Portal.Data.Seed;
using Portal.Domain.Regions;

namespace Portal.Tests.Unit;

public sealed class RegionFileTests
{
    private static readonly IReadOnlyList<Region> Regions = RegionFile.Load();

    [Fact]
    public void Every_province_of_mainland_china_is_listed()
    {
        Assert.Equal(31, Regions.Count(r => r.Level == RegionLevel.Province));
    }

    [Fact]
    public void Every_prefecture_level_division_is_listed()
    {
        Assert.InRange(Regions.Count(r => r.Level == RegionLevel.City), 330, 345);
    }

    [Fact]
    public void Every_region_has_both_names_and_an_existing_parent()
    {
        var codes = Regions.Select(r => r.Code).ToHashSet();
        Assert.Equal(Regions.Count, codes.Count);
        Assert.All(Regions, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(r.NameEn));
            Assert.True(r.ParentCode is null || codes.Contains(r.ParentCode), $"{r.Code} has no parent {r.ParentCode}");
        });
    }

    [Theory]
    [InlineData("440000", "广东省")]
    [InlineData("440100", "广州市")]
    [InlineData("440104", "越秀区")]
    [InlineData("440106", "天河区")]
    [InlineData("440300", "深圳市")]
    [InlineData("450000", "广西壮族自治区")]
    [InlineData("460000", "海南省")]
    [InlineData("110000", "北京市")]
    [InlineData("310000", "上海市")]
    public void The_regions_the_demo_uses_are_present(string code, string nameZh)
    {
        Assert.Equal(nameZh, Regions.Single(r => r.Code == code).NameZh);
    }

    [Theory]
    [InlineData("440000", "gds")]
    [InlineData("440100", "gzs")]
    [InlineData("440106", "thq")]
    [InlineData("310112", "mhq")] // 闵行: 行 read háng
    [InlineData("650100", "wlmqs")] // 乌鲁木齐市 (Urumqi): the initials of the Chinese reading
    public void The_pinyin_initials_of_each_chinese_name_are_read_from_the_file(string code, string initials)
    {
        Assert.Equal(initials, RegionFile.Initials()[code]);
    }

    [Fact]
    public void Every_region_has_one_initial_per_character_of_its_chinese_name()
    {
        var initials = RegionFile.Initials();
        Assert.All(Regions, r => Assert.Matches($"^[a-z]{{{r.NameZh.Length}}}$", initials[r.Code]));
    }
}
