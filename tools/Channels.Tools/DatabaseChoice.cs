using System.CommandLine;
using System.CommandLine.Parsing;

namespace Channels.Tools;

/// <summary>
/// The database options both tools take: <c>--db &lt;file&gt;</c> for SQLite (the default), or
/// <c>--provider postgresql --connection "&lt;connection string&gt;"</c>.
/// </summary>
internal sealed class DatabaseChoice
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    private readonly Option<string> _file;

    private readonly Option<string> _provider = new Option<string>("--provider")
    {
        Description = "The engine: sqlite (a file, --db) or postgresql (a server, --connection).",
        DefaultValueFactory = _ => Sqlite,
    }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Sqlite, PostgreSql);

    private readonly Option<string> _connection = new("--connection")
    {
        Description = "The PostgreSQL connection string, with the database to use (Host=…;Port=…;Username=…;Database=…).",
        HelpName = "connection string",
    };

    public DatabaseChoice(string fileDescription) =>
        _file = new Option<string>("--db") { Description = fileDescription + " (SQLite)", HelpName = "file" };

    /// <summary>Adds the options to <paramref name="command"/> and refuses a command line that names no usable database.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_file);
        command.Options.Add(_provider);
        command.Options.Add(_connection);
        command.Validators.Add(Validate);
    }

    public ToolDatabase Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return IsPostgreSql(parseResult.GetValue(_provider))
            ? ToolDatabase.PostgreSql(parseResult.GetValue(_connection)!)
            : ToolDatabase.Sqlite(parseResult.GetValue(_file)!);
    }

    private void Validate(CommandResult result)
    {
        if (IsPostgreSql(result.GetValue(_provider)))
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(_connection)))
            {
                result.AddError("--provider postgresql needs --connection with a connection string.");
            }
            else if (result.GetResult(_file) is not null)
            {
                result.AddError("--db names a SQLite file; with --provider postgresql the database is in --connection.");
            }
        }
        else if (string.IsNullOrWhiteSpace(result.GetValue(_file)))
        {
            result.AddError("--db needs a file name (or --provider postgresql --connection <connection string>).");
        }
        else if (result.GetResult(_connection) is not null)
        {
            result.AddError("--connection is for --provider postgresql; a SQLite database is a file, named by --db.");
        }
    }

    private static bool IsPostgreSql(string? provider) => string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase);
}
