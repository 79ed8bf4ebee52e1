using Portal.Domain.Agents;
using Portal.Domain.Customers;

namespace Portal.Data.Seed;

/// <summary>The demo data of DESIGN.md §6: the contract for demos and acceptance tests.</summary>
public static class DemoData
{
    public const string Password = "Demo#2026";

    /// <summary>Who the seeded records say acted: the vendor's channel team.</summary>
    public const string VendorActor = "manager@channels.local";

    /// <summary>The note of the price list the demo channel starts with.</summary>
    public const string FirstPriceVersionNote = "2026 年度统一价格表 / 2026 price list";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin@channels.local", "赵敏（系统管理员）", Identity.PortalRoles.Admin, null),
        new("manager@channels.local", "李强（渠道经理）", Identity.PortalRoles.ChannelManager, null),
        new("manager.gd@channels.local", "陈静（广东区域经理）", Identity.PortalRoles.ChannelManager, null, ["440000"]),
        new("compliance@channels.local", "王芳（市场监察）", Identity.PortalRoles.Compliance, null),
        new("south@channels.local", "华南战略合作伙伴", Identity.PortalRoles.Reseller, "SP-SOUTH"),
        new("gz@channels.local", "广州核心代理", Identity.PortalRoles.Reseller, "CORE-GZ"),
        new("tianhe@channels.local", "天河一级代理", Identity.PortalRoles.Reseller, "T1-TIANHE"),
        new("yuexiu@channels.local", "越秀二级代理", Identity.PortalRoles.Reseller, "T2-YUEXIU"),
        new("sz@channels.local", "深圳核心代理", Identity.PortalRoles.Reseller, "CORE-SZ"),
        new("bj@channels.local", "北京核心代理", Identity.PortalRoles.Reseller, "CORE-BJ"),
        new("sh@channels.local", "上海一级代理", Identity.PortalRoles.Reseller, "T1-SH"),
    ];

    /// <summary>Parents come before their children.</summary>
    public static IReadOnlyList<DemoAgent> Agents { get; } =
    [
        new("SP-SOUTH", "华南战略合作伙伴", AgentTier.Strategic, null, ["440000", "450000", "460000"], "MA5NP001"),
        new("CORE-GZ", "广州核心代理", AgentTier.Core, "SP-SOUTH", ["440100"], "MA5CG002"),
        new("T1-TIANHE", "天河一级代理", AgentTier.Tier1, "CORE-GZ", ["440106"], "MA5TH003"),
        new("T2-YUEXIU", "越秀二级代理", AgentTier.Tier2, "CORE-GZ", ["440104"], "MA5YX004"),
        new("CORE-SZ", "深圳核心代理", AgentTier.Core, null, ["440300"], "MA5CK005"),
        new("CORE-BJ", "北京核心代理", AgentTier.Core, null, ["110000"], "MA5CB006"),
        new("T1-SH", "上海一级代理", AgentTier.Tier1, null, ["310000"], "MA5HA007"),
    ];

    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("OIS-STD", "OIS 在线协同系统 标准版", "OIS Online Collaboration Suite Standard", 1980.00m),
        new("OIS-PRO", "OIS 在线协同系统 专业版", "OIS Online Collaboration Suite Professional", 3980.00m),
        new("OIS-ENT", "OIS 在线协同系统 企业版", "OIS Online Collaboration Suite Enterprise", 9800.00m),
    ];

    public static IReadOnlyDictionary<AgentTier, decimal> TierDiscounts { get; } = new Dictionary<AgentTier, decimal>
    {
        [AgentTier.Strategic] = 0.50m,
        [AgentTier.Core] = 0.40m,
        [AgentTier.Tier1] = 0.30m,
        [AgentTier.Tier2] = 0.20m,
    };

    /// <summary>A handful of end customers: some protected by a demo agent (<see cref="DemoCustomer.HolderCode"/>), some free.</summary>
    public static IReadOnlyList<DemoCustomer> Customers { get; } =
    [
        new("广州天河软件园科技有限公司", "440106", CustomerSegment.GovernmentEnterprise, "MA5C0101", "T1-TIANHE", "OIS-PRO", 20),
        new("广州越秀文化传媒有限公司", "440104", CustomerSegment.GovernmentEnterprise, "MA5C0102", "T2-YUEXIU", "OIS-STD", 15),
        new("广州海珠智造股份有限公司", "440105", CustomerSegment.GovernmentEnterprise, "MA5C0103", "CORE-GZ", "OIS-ENT", 5),
        new("深圳南山云计算有限公司", "440305", CustomerSegment.GovernmentEnterprise, "MA5C0104", "CORE-SZ", "OIS-ENT", 8),
        new("广州天河家居服务有限公司", "440106", CustomerSegment.Household, "MA5C0105", null, null, 0),
        new("北京海淀教育科技有限公司", "110108", CustomerSegment.Public, "MA5C0106", null, null, 0),
        new("上海浦东物流有限公司", "310115", CustomerSegment.GovernmentEnterprise, "MA5C0107", null, null, 0),
    ];

    public static Uscc AgentUscc(DemoAgent agent, string regionCode) => Uscc.Create('9', '1', regionCode, agent.OrganizationBody);

    public static Uscc CustomerUscc(DemoCustomer customer) => Uscc.Create('9', '1', customer.RegionCode, customer.OrganizationBody);
}

/// <summary>A demo account; <paramref name="Regions"/>: the regions a ChannelManager is scoped to (none: the whole channel).</summary>
public sealed record DemoUser(string Email, string DisplayName, string Role, string? AgentCode, IReadOnlyList<string>? Regions = null);

public sealed record DemoAgent(string Code, string LegalName, AgentTier Tier, string? ParentCode, IReadOnlyList<string> Territory, string OrganizationBody);

public sealed record DemoProduct(string Sku, string NameZh, string NameEn, decimal UniformPrice);

public sealed record DemoCustomer(string LegalName, string RegionCode, CustomerSegment Segment, string OrganizationBody, string? HolderCode, string? Sku, int Quantity);
