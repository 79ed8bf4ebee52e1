using System.CommandLine;
using Portal.Hosting;

namespace Channels.Tools;

/// <summary>
/// <c>circuits --db &lt;file&gt; [--circuits 25] [--circuits-from 5] [--role &lt;role&gt;…]</c>: the circuit memory figure of <c>bench</c> alone, on
/// the demo database (created with the demo data when the file is missing), for each demo role's dashboard (ADR 42).
/// </summary>
public sealed class CircuitsCommand
{
    public const string Name = "circuits";

    private readonly Option<string> _file = new("--db") { Description = "The demo SQLite file (created with the demo data when missing).", HelpName = "file", Required = true };
    private readonly Option<int> _circuits = ToolOptions.Number("--circuits", 25, 2, "Idle dashboard circuits per role at the second reading.");
    private readonly Option<int> _circuitsFrom = ToolOptions.Number("--circuits-from", 5, 1, "Circuits open at the first reading.");
    private readonly Option<string[]> _roles = new("--role") { Description = "Only these roles' dashboards (ChannelManager, Partner, Compliance, Admin); all four when left out.", HelpName = "role" };

    public CircuitsCommand()
    {
        Command = new Command(Name, "Measures managed memory per idle dashboard circuit for each demo role, on the demo database.")
        {
            _file,
            _circuits,
            _circuitsFrom,
            _roles,
        };
        Command.SetAction((parseResult, _) => ToolCommands.RunToolAsync(parseResult, async output =>
        {
            if (parseResult.GetValue(_circuits) <= parseResult.GetValue(_circuitsFrom))
            {
                throw new ArgumentException("--circuits must be more than --circuits-from.");
            }

            var app = ToolHost.Build(ToolDatabase.Sqlite(parseResult.GetValue(_file)!), serve: true, seedDemoData: true);
            await using (app.ConfigureAwait(false))
            {
                await app.PrepareDatabaseAsync().ConfigureAwait(false);
                app.UsePortal();
                await app.StartAsync().ConfigureAwait(false);
                var results = await CircuitMemory.MeasureAsync(app, ToolHost.ServerAddress(app), Accounts(parseResult.GetValue(_roles)), parseResult.GetValue(_circuitsFrom), parseResult.GetValue(_circuits), output).ConfigureAwait(false);
                foreach (var target in CircuitMemory.Targets(results))
                {
                    await output.WriteLineAsync($"target: {target.Name} ≤ {target.Limit} {target.Unit}: {(target.Met ? "met" : "MISSED")} ({target.Measured:0} {target.Unit})").ConfigureAwait(false);
                }

                await app.StopAsync().ConfigureAwait(false);
            }
        }));
    }

    private static List<CircuitAccount> Accounts(string[]? roles) =>
        [.. CircuitMemory.DemoAccounts.Where(a => roles is not { Length: > 0 } || roles.Any(r => a.Role.StartsWith(r, StringComparison.OrdinalIgnoreCase) || a.Role.Contains(r, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The command, ready to be added to the root command or parsed on its own.</summary>
    public Command Command { get; }
}
