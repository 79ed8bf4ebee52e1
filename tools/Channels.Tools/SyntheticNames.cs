namespace Channels.Tools;

/// <summary>Company names for the synthetic channel: a place, a made-up trade name and a line of business.</summary>
internal static class SyntheticNames
{
    private static readonly string[] Syllables =
    [
        "华", "创", "联", "信", "达", "通", "恒", "泰", "盛", "源", "鑫", "宏", "博", "瑞", "丰", "安", "智", "航", "卓", "越",
        "新", "远", "明", "辉", "景", "晨", "海", "天", "云", "诚", "立", "嘉", "和", "凯", "正", "启", "元", "益", "康", "睿",
    ];

    private static readonly string[] Trades =
    [
        "科技", "信息技术", "网络", "软件", "通信", "电子", "贸易", "物流", "文化传媒", "教育科技",
        "医疗器械", "建设工程", "实业", "电气", "智能科技", "数据服务",
    ];

    private static readonly string[] CustomerSuffixes = ["有限公司", "股份有限公司", "有限责任公司"];

    private static readonly string[] AgentTrades = ["信息系统", "网络科技", "渠道服务", "数字技术", "软件服务"];

    public static string Customer(Random random, string place) =>
        string.Concat(place, Pick(random, Syllables), Pick(random, Syllables), Pick(random, Syllables), Pick(random, Trades), Pick(random, CustomerSuffixes));

    /// <summary>Agent names carry their number, so that every agent is told apart in the grid.</summary>
    public static string Agent(Random random, string place, string tierLabel, int number) =>
        string.Concat(place, Pick(random, Syllables), Pick(random, Syllables), Pick(random, AgentTrades), tierLabel, number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), "有限公司");

    /// <summary>"广州市" → "广州": company names drop the administrative suffix.</summary>
    public static string Place(string regionName) =>
        regionName.Length > 2 && (regionName.EndsWith('市') || regionName.EndsWith('省')) ? regionName[..^1] : regionName;

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
