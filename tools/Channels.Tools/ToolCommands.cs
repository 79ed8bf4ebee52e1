using System.CommandLine;
using System.CommandLine.Invocation;

namespace Channels.Tools;

/// <summary>
/// The channel tools' command line: <c>seed-synthetic</c> (a large synthetic channel, ADR 14) and <c>bench</c>
/// (latencies and throughput measured on it through the real services). Each runs once and exits.
/// </summary>
public static class ToolCommands
{
    /// <summary>
    /// The exit code of a command line the tools refuse: a missing, unknown or invalid option, or a file that is not
    /// as the command needs it (an existing database without <c>--overwrite yes</c>, a missing one for <c>bench</c>).
    /// </summary>
    public const int UsageError = 2;

    /// <summary>The root command with both tools as subcommands.</summary>
    public static RootCommand Create() =>
        new("Channels tools: a synthetic channel and a benchmark through the portal's real services (ADR 14).")
        {
            new SeedSyntheticCommand().Command,
            new BenchCommand().Command,
            new CircuitsCommand().Command,
        };

    /// <summary>Parses <paramref name="args"/>, runs the tool they name and returns its exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parseResult = Create().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,

            // The tools do not stop half-way on their own: Ctrl+C ends the process at once, as it always did.
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        return parseResult.Action is ParseErrorAction ? UsageError : exitCode;
    }

    /// <summary>
    /// Runs a tool with the invocation's output; an <see cref="ArgumentException"/> (the tool refusing its input, such
    /// as an existing file) is reported on the error output with <see cref="UsageError"/>.
    /// </summary>
    internal static async Task<int> RunToolAsync(ParseResult parseResult, Func<TextWriter, Task> tool)
    {
        var configuration = parseResult.InvocationConfiguration;
        try
        {
            await tool(configuration.Output).ConfigureAwait(false);
            return 0;
        }
        catch (ArgumentException ex)
        {
            await configuration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return UsageError;
        }
    }
}
