using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>The portal's look: a sober blue with a font stack that renders Chinese well on every platform.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e9c",
            Secondary = "#c2410c",
            AppbarBackground = "#15396f",
            Background = "#f5f7fb",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.78)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
