using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// The index that finds customers by any part of their legal name (ADR 43). On SQLite an FTS5 table with the trigram
/// tokenizer over <c>Customers.LegalName</c> (external content, kept by triggers), which answers <c>LIKE '%…%'</c> for
/// three characters or more; on PostgreSQL a pg_trgm GIN index on the column, which serves the same <c>LIKE</c>.
/// SQL Server has no such index here: its search reads the table (the bound in ADR 43).
/// </summary>
public static class CustomerNameTrigrams
{
    /// <summary>The FTS5 table (SQLite).</summary>
    public const string Table = "CustomerNameTrigrams";

    /// <summary>Trigrams: shorter terms cannot use the index.</summary>
    public const int ShortestIndexedTerm = 3;

    /// <summary>The SQLite statement that finds, through the index, at most <c>{1}</c> ids of customers whose name contains the pattern <c>{0}</c>.</summary>
    public const string SqliteMatch = $"SELECT rowid AS \"Value\" FROM \"{Table}\" WHERE \"LegalName\" LIKE {{0}} LIMIT {{1}}";

    /// <summary>The SQLite migration: the table, filled from the customers, and the triggers that keep it.</summary>
    public const string SqliteCreate = $"""
        CREATE VIRTUAL TABLE "{Table}" USING fts5("LegalName", content='Customers', content_rowid='Id', tokenize='trigram');
        INSERT INTO "{Table}"("{Table}") VALUES('rebuild');
        CREATE TRIGGER "Customers_NameIndex_Insert" AFTER INSERT ON "Customers" BEGIN
            INSERT INTO "{Table}"(rowid, "LegalName") VALUES (new."Id", new."LegalName");
        END;
        CREATE TRIGGER "Customers_NameIndex_Delete" AFTER DELETE ON "Customers" BEGIN
            INSERT INTO "{Table}"("{Table}", rowid, "LegalName") VALUES ('delete', old."Id", old."LegalName");
        END;
        CREATE TRIGGER "Customers_NameIndex_Update" AFTER UPDATE OF "LegalName" ON "Customers" BEGIN
            INSERT INTO "{Table}"("{Table}", rowid, "LegalName") VALUES ('delete', old."Id", old."LegalName");
            INSERT INTO "{Table}"(rowid, "LegalName") VALUES (new."Id", new."LegalName");
        END;
        """;

    public const string SqliteDrop = $"""
        DROP TRIGGER IF EXISTS "Customers_NameIndex_Update";
        DROP TRIGGER IF EXISTS "Customers_NameIndex_Delete";
        DROP TRIGGER IF EXISTS "Customers_NameIndex_Insert";
        DROP TABLE IF EXISTS "{Table}";
        """;

    /// <summary>The PostgreSQL migration: the trigram extension and the GIN index.</summary>
    public const string PostgreSqlCreate = """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX "IX_Customers_LegalName_Trigrams" ON "Customers" USING gin ("LegalName" gin_trgm_ops);
        """;

    public const string PostgreSqlDrop = """DROP INDEX IF EXISTS "IX_Customers_LegalName_Trigrams";""";

    /// <summary>
    /// The ids of at most <paramref name="limit"/> customers of the whole channel whose legal name contains
    /// <paramref name="term"/>, found through the index where the engine and the term allow.
    /// </summary>
    public static Task<List<int>> MatchingAsync(PortalDbContext db, string term, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(term);
        var customers = db.Customers.IgnoreQueryFilters().AsNoTracking();
        var indexed = term.Length >= ShortestIndexedTerm;
        return DatabaseProviders.Of(db.Database) switch
        {
            // FTS5's LIKE takes no ESCAPE: a term with a wildcard of its own is searched by reading the table.
            DatabaseProvider.Sqlite when indexed && !term.Contains('%', StringComparison.Ordinal) && !term.Contains('_', StringComparison.Ordinal) =>
                db.Database.SqlQueryRaw<int>(SqliteMatch, $"%{term}%", limit).ToListAsync(cancellationToken),
            DatabaseProvider.PostgreSql when indexed =>
                customers.Where(c => EF.Functions.Like(c.LegalName, "%" + Escaped(term) + "%", "\\")).Select(c => c.Id).Take(limit).ToListAsync(cancellationToken),
            _ => customers.Where(c => c.LegalName.Contains(term)).Select(c => c.Id).Take(limit).ToListAsync(cancellationToken),
        };
    }

    private static string Escaped(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
