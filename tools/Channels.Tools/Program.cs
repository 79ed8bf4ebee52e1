namespace Channels.Tools;

/// <summary>
/// The tools' entry point. A named class rather than top-level statements: ASP.NET Core's generator would make those a
/// public global <c>Program</c>, which the tests would then see twice (the portal's and the tools').
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => ToolCommands.RunAsync(args);
}
