using System.CommandLine;

namespace Channels.Tools;

/// <summary>
/// <c>bench (--db &lt;file&gt; | --provider postgresql --connection &lt;string&gt;) [--registrations 2000] [--api-registrations 1000] [--clients 8] [--lookups 2000] [--runs 50]
/// [--cold-starts 3] [--circuits 25] [--circuits-from 5] [--seed 42] [--growth-from &lt;smaller db&gt;] [--json &lt;file&gt;]</c>: the portal's hot paths measured on a database
/// (<see cref="Benchmark"/>, ADR 14).
/// </summary>
public sealed class BenchCommand
{
    public const string Name = "bench";

    private readonly DatabaseChoice _database = new("The SQLite file to measure (it keeps the registrations made)");
    private readonly Option<int> _registrations = ToolOptions.Number("--registrations", 2_000, 8, "Registrations through the services, with one client and again with --clients.");
    private readonly Option<int> _apiRegistrations = ToolOptions.Number("--api-registrations", 1_000, 8, "Registrations over HTTP to the API, with one client and again with --clients.");
    private readonly Option<int> _clients = ToolOptions.Number("--clients", 8, 2, "Concurrent clients of the second run of each kind.");
    private readonly Option<int> _lookups = ToolOptions.Number("--lookups", 2_000, 1, "Availability checks of existing customers.");
    private readonly Option<int> _runs = ToolOptions.Number("--runs", 50, 1, "Runs of each read query (descendants, grid pages).");
    private readonly Option<int> _coldStarts = ToolOptions.Number("--cold-starts", 3, 1, "Portal processes started on a fresh database and timed to the first /healthz.");
    private readonly Option<int> _circuits = ToolOptions.Number("--circuits", 25, 0, "Idle dashboard circuits per role for the memory figure, measured from --circuits-from (0 leaves it out).");
    private readonly Option<int> _circuitsFrom = ToolOptions.Number("--circuits-from", 5, 1, "Circuits open at the first reading of the memory figure.");
    private readonly Option<int> _seed = ToolOptions.Seed("The random seed of the sample.");
    private readonly Option<string> _growthFrom = new("--growth-from")
    {
        Description = "A smaller channel on the same engine (a SQLite file, or a PostgreSQL connection string) the grid actions and dashboards are also timed on, for their cost growth.",
        HelpName = "file or connection string",
    };

    private readonly Option<string> _json = new("--json") { Description = "Also write the report as JSON to this file.", HelpName = "file" };

    public BenchCommand()
    {
        Command = new Command(Name, "Measures the portal's hot paths through the real services on a (synthetic) database.")
        {
            _registrations,
            _apiRegistrations,
            _clients,
            _lookups,
            _runs,
            _coldStarts,
            _circuits,
            _circuitsFrom,
            _seed,
            _growthFrom,
            _json,
        };
        _database.AddTo(Command);
        Command.SetAction((parseResult, _) => ToolCommands.RunToolAsync(parseResult, async output =>
        {
            var settings = Settings(parseResult);
            var report = await Benchmark.RunAsync(settings, output).ConfigureAwait(false);
            if (settings.JsonPath is { } path)
            {
                await File.WriteAllTextAsync(path, report.ToJson()).ConfigureAwait(false);
            }
        }));
    }

    /// <summary>The command, ready to be added to the root command or parsed on its own.</summary>
    public Command Command { get; }

    /// <summary>The settings a parsed <c>bench</c> command line asks for.</summary>
    public BenchmarkSettings Settings(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var circuits = parseResult.GetValue(_circuits);
        if (circuits > 0 && circuits <= parseResult.GetValue(_circuitsFrom))
        {
            throw new ArgumentException("--circuits must be 0 (no circuit figure) or more than --circuits-from.");
        }

        var database = _database.Read(parseResult);
        var growthFrom = parseResult.GetValue(_growthFrom);
        return new BenchmarkSettings(
            database,
            parseResult.GetValue(_registrations),
            parseResult.GetValue(_lookups),
            parseResult.GetValue(_seed),
            parseResult.GetValue(_json))
        {
            Clients = parseResult.GetValue(_clients),
            QueryRuns = parseResult.GetValue(_runs),
            ApiRegistrations = parseResult.GetValue(_apiRegistrations),
            ColdStarts = parseResult.GetValue(_coldStarts),
            GrowthDatabase = string.IsNullOrWhiteSpace(growthFrom) ? null : database.Engine is SqliteEngine ? ToolDatabase.Sqlite(growthFrom) : ToolDatabase.PostgreSql(growthFrom),
            Circuits = circuits,
            CircuitsFrom = parseResult.GetValue(_circuitsFrom),
        };
    }
}
