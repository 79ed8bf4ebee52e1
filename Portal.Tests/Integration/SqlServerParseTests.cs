using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Data;
using Portal.Features;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// SQL Server has no engine on this machine, so Microsoft's own T-SQL parser reads everything the SQL Server path can
/// send it: the idempotent migration script a DBA runs (the dynamic SQL inside its EXEC blocks included) and every
/// hand-written statement. A statement that does not parse would fail on the first real server.
/// </summary>
public sealed partial class SqlServerParseTests
{
    /// <summary>Every hand-written statement the SQL Server path can run, by the product method that returns it.</summary>
    private static readonly Dictionary<string, string> HandWritten = new(StringComparer.Ordinal)
    {
        ["ChannelWriteLock"] = ChannelWriteLock.Sql(DatabaseProvider.SqlServer)!,
        ["CatalogStamp"] = CatalogStamp.Sql(DatabaseProvider.SqlServer),
    };

    /// <summary>
    /// Every place in product code that sends raw SQL, by file and count: the SQL Server statement it runs is in
    /// <see cref="HandWritten"/>, or the site never runs on SQL Server (SQLite or PostgreSQL only). A new site is added
    /// here with its statement.
    /// </summary>
    private static readonly Dictionary<string, (int Sites, string Covered)> RawSqlSites = new(StringComparer.Ordinal)
    {
        ["Portal.Data/ChannelWriteLock.cs"] = (1, "ChannelWriteLock"),
        ["Portal/Features/Common/CatalogStamp.cs"] = (1, "CatalogStamp"),
        ["Portal.Data/DatabaseSetup.cs"] = (3, "Not SQL Server: SQLite's PRAGMA journal_mode, PostgreSQL's migrations advisory lock and unlock"),
        ["Portal.Data/SqlitePragmas.cs"] = (2, "Not SQL Server: SQLite's connection pragmas"),
        ["Portal/Features/Operations/SqliteCheckpoints.cs"] = (1, "Not SQL Server: SQLite's WAL checkpoint"),
        ["Portal.Data/CustomerNameTrigrams.cs"] = (1, "Not SQL Server: SQLite's FTS5 name index (SQL Server searches names through LINQ)"),
    };

    [Fact]
    public void The_idempotent_migration_script_parses_as_t_sql()
    {
        using var db = ProviderMigrationTests.Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // EF Core ends every batch with a line holding only GO; the parser reads GO as the batch separator.
        Assert.Contains("\nGO\n", script.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var errors = ParseErrors(script, "script");

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Every_hand_written_sql_server_statement_parses()
    {
        var errors = HandWritten.SelectMany(statement => ParseErrors(statement.Value, statement.Key)).ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_parser_refuses_broken_t_sql()
    {
        Assert.NotEmpty(ParseErrors("SELECT FROM WHERE ;", "broken"));
        Assert.NotEmpty(ParseErrors("SELECT \"Id\" FROM \"Products\" WHERE \"IsActive\" = TRUE LIMIT 1", "PostgreSQL text"));
        Assert.NotEmpty(ParseErrors("IF NOT EXISTS (SELECT 1) BEGIN EXEC(N'CREATE TABLE [T] ([Id] int NOT NULL,'); END;", "broken dynamic SQL"));
    }

    [Fact]
    public void Every_raw_sql_site_in_product_code_is_listed()
    {
        var found = new[] { "Portal", "Portal.Data", "Portal.Domain" }
            .SelectMany(project => SourceFiles.Of(Path.Combine(SourceFiles.Root, project)))
            .Select(file => (File: Path.GetRelativePath(SourceFiles.Root, file).Replace('\\', '/'), Sites: RawSql().Count(File.ReadAllText(file))))
            .Where(file => file.Sites > 0)
            .ToDictionary(file => file.File, file => file.Sites, StringComparer.Ordinal);

        var listed = RawSqlSites.ToDictionary(site => site.Key, site => site.Value.Sites, StringComparer.Ordinal);
        Assert.True(
            found.OrderBy(f => f.Key, StringComparer.Ordinal).SequenceEqual(listed.OrderBy(f => f.Key, StringComparer.Ordinal)),
            "Raw SQL sites changed; list each in RawSqlSites with its SQL Server statement in HandWritten. Found: " +
            string.Join(", ", found.Select(f => $"{f.Key} ({f.Value})")));
        Assert.All(RawSqlSites.Values.Where(site => !site.Covered.StartsWith("Not SQL Server", StringComparison.Ordinal)),
            site => Assert.Contains(site.Covered, HandWritten.Keys));
    }

    /// <summary>The parse errors of a text, and of every literal string it hands to EXEC, each with its line.</summary>
    private static List<string> ParseErrors(string sql, string name)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        var found = errors.Select(e => $"{name} line {e.Line}, column {e.Column}: {e.Message}").ToList();
        if (fragment is null)
        {
            return found;
        }

        var dynamic = new DynamicSql();
        fragment.Accept(dynamic);
        found.AddRange(dynamic.Statements.SelectMany(s => ParseErrors(s.Text, $"{name} line {s.Line} EXEC")));
        return found;
    }

    [GeneratedRegex(@"CommandText\s*=|ExecuteSql\w*\(|FromSql\w*\(|SqlQuery\w*[<(]")]
    private static partial Regex RawSql();

    /// <summary>The literal strings a script passes to EXEC (EF Core wraps statements that must be alone in a batch).</summary>
    private sealed class DynamicSql : TSqlFragmentVisitor
    {
        public List<(string Text, int Line)> Statements { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            Statements.Add((string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)), node.StartLine));
            base.Visit(node);
        }
    }
}
