using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>
/// The portal's look: a sober blue with a font stack that renders Chinese well on every platform. Every status and
/// action colour carries white text at 4.5:1 or more and reads at 4.5:1 as text on the page's background, and
/// secondary text too (WCAG 2.1 AA, 1.4.3) — MudBlazor's defaults (a bright green, orange, blue, red) do not.
/// </summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e9c",
            Secondary = "#c2410c",
            Success = "#2e7d32",
            Warning = "#b45309",
            Info = "#1565c0",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.62)",
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
