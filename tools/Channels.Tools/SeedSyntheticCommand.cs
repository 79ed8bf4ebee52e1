using System.CommandLine;

namespace Channels.Tools;

/// <summary>
/// <c>seed-synthetic (--db &lt;file&gt; | --provider postgresql --connection &lt;string&gt;) [--agents 100000] [--customers 1000000] [--seed 42] [--overwrite yes|no]</c>:
/// a synthetic channel of the requested size in a new SQLite file or PostgreSQL database (<see cref="SyntheticSeeder"/>, ADR 14).
/// </summary>
public sealed class SeedSyntheticCommand
{
    public const string Name = "seed-synthetic";

    private readonly DatabaseChoice _database = new("The SQLite file to create");
    private readonly Option<int> _agents = ToolOptions.Number("--agents", 100_000, 10, "Agents in the hierarchy.");
    private readonly Option<int> _customers = ToolOptions.Number("--customers", 1_000_000, 1, "Customers, about half of them protected.");
    private readonly Option<int> _seed = ToolOptions.Seed("The random seed: the same seed gives the same channel.");
    private readonly Option<string> _overwrite = new Option<string>("--overwrite")
    {
        Description = "Replace the file if it exists.",
        DefaultValueFactory = _ => "no",
    }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "yes", "no");

    public SeedSyntheticCommand()
    {
        Command = new Command(Name, "Generates a synthetic channel (agents, customers, deals, protections, sales) in a new SQLite file or PostgreSQL database.")
        {
            _agents,
            _customers,
            _seed,
            _overwrite,
        };
        _database.AddTo(Command);
        Command.SetAction((parseResult, _) => ToolCommands.RunToolAsync(parseResult, output => SyntheticSeeder.RunAsync(Settings(parseResult), output)));
    }

    /// <summary>The command, ready to be added to the root command or parsed on its own.</summary>
    public Command Command { get; }

    /// <summary>The settings a parsed <c>seed-synthetic</c> command line asks for.</summary>
    public SyntheticSettings Settings(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new SyntheticSettings(
            _database.Read(parseResult),
            parseResult.GetValue(_agents),
            parseResult.GetValue(_customers),
            parseResult.GetValue(_seed))
        {
            Overwrite = string.Equals(parseResult.GetValue(_overwrite), "yes", StringComparison.OrdinalIgnoreCase),
        };
    }
}
