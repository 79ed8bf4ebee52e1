using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Regions;

namespace Channels.Tools;

/// <summary>
/// The honest floor of a registration (ADR 41): what no registration can do without, written by hand. Per registration,
/// in ONE transaction under the channel's write lock, on a connection opened as the portal opens its own (same
/// connection string, same SQLite pragmas): the customer looked up by USCC, the audit chain's head read, and the same
/// rows a registration of a new customer stores inserted into the same tables with all their indexes — the customer,
/// the deal, its line, the customer protection, the audit entry (hash-chained) and the head moved — then committed.
/// The statements are prepared once on the floor's one connection and reused. What the floor leaves out is what the
/// rules read to decide (open protections, duplicate names, open deals, authorizations, the price list) and EF Core.
/// Its rows are deleted again at the end, by their ids, in one transaction that also moves the audit head back, so the
/// dataset, the benchmark's stored-row check and the audit chain stay as the portal left them.
/// </summary>
internal static class RegistrationFloor
{
    /// <summary>The statements of one registration, the same text on every engine (quoted identifiers, @ parameters).</summary>
    internal static class Sql
    {
        public const string CustomerByUscc = "SELECT \"Id\" FROM \"Customers\" WHERE \"Uscc\" = @uscc";

        public const string Head = "SELECT \"Sequence\", \"Hash\" FROM \"AuditHead\" WHERE \"Id\" = 1";

        public const string InsertCustomer =
            "INSERT INTO \"Customers\" (\"Uscc\", \"LegalName\", \"NormalizedName\", \"RegionCode\", \"CityCode\", \"Segment\", \"CreatedAt\", \"Version\") " +
            "VALUES (@uscc, @name, @normalized, @region, @city, @segment, @at, 0) RETURNING \"Id\"";

        public const string InsertDeal =
            "INSERT INTO \"Deals\" (\"AgentId\", \"CustomerId\", \"Status\", \"ExpectedCloseDate\", \"CreatedAt\", \"SubmittedAt\", \"DecidedAt\", \"ProtectedUntil\", " +
            "\"ExtensionUsed\", \"ExtensionReason\", \"DecisionNote\", \"Version\", \"ReviewDeadline\") " +
            "VALUES (@agent, @customer, 'Approved', @close, @at, @at, @at, @until, @extended, NULL, NULL, 2, NULL) RETURNING \"Id\"";

        public const string InsertLine =
            "INSERT INTO \"DealLines\" (\"DealId\", \"Sku\", \"Quantity\", \"UnitPrice\", \"UniformPrice\", \"PurchasePrice\") " +
            "VALUES (@deal, @sku, @quantity, @unit, @uniform, @purchase) RETURNING \"Id\"";

        public const string InsertProtection =
            "INSERT INTO \"CustomerProtections\" (\"CustomerId\", \"AgentId\", \"Basis\", \"DealId\", \"Since\", \"Until\", \"EndedAt\", \"EndReason\") " +
            "VALUES (@customer, @agent, 'Registration', @deal, @at, @until, NULL, NULL) RETURNING \"Id\"";

        public const string InsertAudit =
            "INSERT INTO \"AuditLog\" (\"Sequence\", \"At\", \"Actor\", \"Action\", \"EntityType\", \"EntityId\", \"Before\", \"After\", \"ReasonCodes\", \"PreviousHash\", \"Hash\") " +
            "VALUES (@sequence, @at, @actor, 'DealRegistered', 'Deal', @entity, NULL, @after, NULL, @previous, @hash) RETURNING \"Id\"";

        public const string MoveHead = "UPDATE \"AuditHead\" SET \"Sequence\" = @sequence, \"Hash\" = @hash WHERE \"Id\" = 1";

        /// <summary>Every statement a floor registration runs, in order (the customer's insert only when it is new).</summary>
        public static IReadOnlyList<string> All { get; } = [CustomerByUscc, Head, InsertCustomer, InsertDeal, InsertLine, InsertProtection, InsertAudit, MoveHead];

        /// <summary>The removal of the floor's rows, children first; each takes an id list.</summary>
        public static IReadOnlyList<(string Table, string Column)> Removal { get; } =
        [
            ("AuditLog", "Id"), ("CustomerProtections", "Id"), ("DealLines", "Id"), ("Deals", "Id"), ("Customers", "Id"),
        ];
    }

    /// <summary>
    /// Registers <paramref name="work"/> at the floor, one after another on one connection: the first
    /// <paramref name="warmup"/> untimed, the others timed each from BEGIN to COMMIT. Every row written is then removed.
    /// </summary>
    public static async Task<FloorRun> RunAsync(ToolDatabase database, IReadOnlyList<PreparedRegistration> work, int warmup)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(work);
        var connection = await database.Engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var written = new Written();
            using var statements = new Statements(connection, database.Engine);
            try
            {
                foreach (var item in work.Take(warmup))
                {
                    await RegisterAsync(statements, item, written).ConfigureAwait(false);
                }

                var samples = new List<double>(work.Count);
                var start = Stopwatch.GetTimestamp();
                foreach (var item in work.Skip(warmup))
                {
                    var began = Stopwatch.GetTimestamp();
                    await RegisterAsync(statements, item, written).ConfigureAwait(false);
                    samples.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }

                var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                return new FloorRun(new ThroughputResult(1, samples.Count, seconds, samples.Count / seconds, LatencyStats.Of(samples)), written.Counts());
            }
            finally
            {
                await RemoveAsync(connection, database.Engine, written).ConfigureAwait(false);
            }
        }
    }

    private static async Task RegisterAsync(Statements s, PreparedRegistration item, Written written)
    {
        var input = item.Input;
        var customerInput = input.Customer!;
        var line = input.Lines![0]!;
        var agentId = item.User.AgentId!.Value;
        var transaction = await s.Engine.BeginWriteAsync(s.Connection).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            s.Use(transaction);

            // The instant is taken once the lock is held, as the portal takes it.
            var at = DateTime.UtcNow;
            var until = at.AddDays(90);
            s.Set(s.CustomerByUscc, "uscc", customerInput.Uscc);
            var customerId = await (await s.ReadyAsync(s.CustomerByUscc).ConfigureAwait(false)).ExecuteScalarAsync().ConfigureAwait(false) is { } found and not DBNull
                ? Convert.ToInt32(found, CultureInfo.InvariantCulture)
                : 0;

            AuditLink head;
            var reader = await (await s.ReadyAsync(s.Head).ConfigureAwait(false)).ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync().ConfigureAwait(false))
                {
                    throw new InvalidOperationException("The audit chain has no head row: the floor runs after the benchmark's registrations, which create it.");
                }

                head = new AuditLink(reader.GetInt64(0), reader.GetString(1));
            }

            written.HeadBefore ??= head;
            if (customerId == 0)
            {
                var region = RegionCode.Parse(customerInput.RegionCode!);
                s.Set(s.InsertCustomer, "uscc", customerInput.Uscc);
                s.Set(s.InsertCustomer, "name", customerInput.Name);
                s.Set(s.InsertCustomer, "normalized", CustomerName.Normalize(customerInput.Name!));
                s.Set(s.InsertCustomer, "region", region.Value);
                s.Set(s.InsertCustomer, "city", region.City!.Value.Value);
                s.Set(s.InsertCustomer, "segment", customerInput.Segment);
                s.Set(s.InsertCustomer, "at", at);
                customerId = await InsertAsync(s, s.InsertCustomer, written.Customers).ConfigureAwait(false);
            }

            s.Set(s.InsertDeal, "agent", agentId);
            s.Set(s.InsertDeal, "customer", customerId);
            s.Set(s.InsertDeal, "close", input.ExpectedCloseDate!.Value);
            s.Set(s.InsertDeal, "at", at);
            s.Set(s.InsertDeal, "until", until);
            s.Set(s.InsertDeal, "extended", false);
            var dealId = await InsertAsync(s, s.InsertDeal, written.Deals).ConfigureAwait(false);

            s.Set(s.InsertLine, "deal", dealId);
            s.Set(s.InsertLine, "sku", line.Sku);
            s.Set(s.InsertLine, "quantity", (int)line.Quantity!.Value);
            s.Set(s.InsertLine, "unit", line.UnitPrice!.Value);
            s.Set(s.InsertLine, "uniform", line.UnitPrice.Value);
            s.Set(s.InsertLine, "purchase", line.UnitPrice.Value);
            await InsertAsync(s, s.InsertLine, written.Lines).ConfigureAwait(false);

            s.Set(s.InsertProtection, "customer", customerId);
            s.Set(s.InsertProtection, "agent", agentId);
            s.Set(s.InsertProtection, "deal", dealId);
            s.Set(s.InsertProtection, "at", at);
            s.Set(s.InsertProtection, "until", until);
            await InsertAsync(s, s.InsertProtection, written.Protections).ConfigureAwait(false);

            // The entry a registration appends: the same content and a real link of the chain (SHA-256 over it).
            var after = AuditJson.Of(new { Status = nameof(DealStatus.Approved), customer = customerInput.Uscc, ProtectedUntil = until });
            var entry = AuditChain.Append(head, at, item.User.Email, nameof(AuditAction.DealRegistered), nameof(AuditEntity.Deal), dealId.ToString(CultureInfo.InvariantCulture), after: after);
            s.Set(s.InsertAudit, "sequence", entry.Sequence);
            s.Set(s.InsertAudit, "at", entry.At);
            s.Set(s.InsertAudit, "actor", entry.Actor);
            s.Set(s.InsertAudit, "entity", entry.EntityId);
            s.Set(s.InsertAudit, "after", entry.After);
            s.Set(s.InsertAudit, "previous", entry.PreviousHash);
            s.Set(s.InsertAudit, "hash", entry.Hash);
            await InsertAsync(s, s.InsertAudit, written.AuditEntries).ConfigureAwait(false);

            s.Set(s.MoveHead, "sequence", entry.Sequence);
            s.Set(s.MoveHead, "hash", entry.Hash);
            if (await (await s.ReadyAsync(s.MoveHead).ConfigureAwait(false)).ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
            {
                throw new InvalidOperationException("The audit head was not moved.");
            }

            written.HeadAfter = entry.Link;
            await transaction.CommitAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> InsertAsync(Statements s, DbCommand insert, List<int> ids)
    {
        var id = Convert.ToInt32(await (await s.ReadyAsync(insert).ConfigureAwait(false)).ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
        ids.Add(id);
        return id;
    }

    /// <summary>
    /// Deletes the floor's rows by their ids and moves the audit head back to the link it had before the floor, in one
    /// transaction under the write lock. Refused (the rows then stay) if the chain moved on meanwhile, or a checkpoint
    /// recorded one of the floor's links: deleting them then would break the chain or a checkpoint.
    /// </summary>
    private static async Task RemoveAsync(DbConnection connection, ToolEngine engine, Written written)
    {
        if (written.HeadBefore is not { } before)
        {
            return;
        }

        var transaction = await engine.BeginWriteAsync(connection).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var head = Command(connection, transaction, Sql.Head))
            {
                var reader = await head.ExecuteReaderAsync().ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync().ConfigureAwait(false) || reader.GetInt64(0) != written.HeadAfter?.Sequence)
                    {
                        throw new InvalidOperationException("The audit chain moved past the floor's entries while it ran; its rows were left in place.");
                    }
                }
            }

            using (var checkpoints = Command(connection, transaction, "SELECT COUNT(*) FROM \"AuditCheckpoints\" WHERE \"Sequence\" > @sequence"))
            {
                Parameter(checkpoints, "sequence", before.Sequence);
                if (Convert.ToInt64(await checkpoints.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
                {
                    throw new InvalidOperationException("An audit checkpoint recorded one of the floor's entries; its rows were left in place.");
                }
            }

            foreach (var ((table, column), ids) in Sql.Removal.Zip(written.ByRemovalOrder()))
            {
                foreach (var chunk in ids.Chunk(500))
                {
#pragma warning disable CA2100 // The tool's own table names and the ids it was given back by the database.
                    using var delete = Command(connection, transaction, $"DELETE FROM \"{table}\" WHERE \"{column}\" IN ({string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
#pragma warning restore CA2100
                    await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
            }

            using (var restore = Command(connection, transaction, Sql.MoveHead))
            {
                Parameter(restore, "sequence", before.Sequence);
                Parameter(restore, "hash", before.Hash);
                await restore.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own statements; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The floor's statements on its connection, created once and each prepared before its first run.</summary>
    private sealed class Statements(DbConnection connection, ToolEngine engine) : IDisposable
    {
        private readonly HashSet<DbCommand> _prepared = [];

        public DbConnection Connection { get; } = connection;

        public ToolEngine Engine { get; } = engine;

        public DbCommand CustomerByUscc { get; } = Create(connection, Sql.CustomerByUscc, "uscc");

        public DbCommand Head { get; } = Create(connection, Sql.Head);

        public DbCommand InsertCustomer { get; } = Create(connection, Sql.InsertCustomer, "uscc", "name", "normalized", "region", "city", "segment", "at");

        public DbCommand InsertDeal { get; } = Create(connection, Sql.InsertDeal, "agent", "customer", "close", "at", "until", "extended");

        public DbCommand InsertLine { get; } = Create(connection, Sql.InsertLine, "deal", "sku", "quantity", "unit", "uniform", "purchase");

        public DbCommand InsertProtection { get; } = Create(connection, Sql.InsertProtection, "customer", "agent", "deal", "at", "until");

        public DbCommand InsertAudit { get; } = Create(connection, Sql.InsertAudit, "sequence", "at", "actor", "entity", "after", "previous", "hash");

        public DbCommand MoveHead { get; } = Create(connection, Sql.MoveHead, "sequence", "hash");

        private IEnumerable<DbCommand> Commands => [CustomerByUscc, Head, InsertCustomer, InsertDeal, InsertLine, InsertProtection, InsertAudit, MoveHead];

        /// <summary>Enlists every statement in <paramref name="transaction"/>.</summary>
        public void Use(DbTransaction transaction)
        {
            foreach (var command in Commands)
            {
                command.Transaction = transaction;
            }
        }

        /// <summary>Sets a parameter as the engine stores the value (as EF Core writes it).</summary>
        public void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = Engine.Value(value);

        /// <summary>
        /// <paramref name="command"/>, prepared on its first run (once its parameters have values, whose types a
        /// server engine prepares it for) and reused as prepared afterwards.
        /// </summary>
        public async Task<DbCommand> ReadyAsync(DbCommand command)
        {
            if (_prepared.Add(command))
            {
                await command.PrepareAsync().ConfigureAwait(false);
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in Commands)
            {
                command.Dispose();
            }
        }

        private static DbCommand Create(DbConnection connection, string sql, params string[] parameters)
        {
            var command = Command(connection, null, sql);
            foreach (var name in parameters)
            {
                Parameter(command, name, null);
            }

            return command;
        }
    }

    /// <summary>The ids of every row the floor inserted, by table.</summary>
    private sealed class Written
    {
        public List<int> Customers { get; } = [];

        public List<int> Deals { get; } = [];

        public List<int> Lines { get; } = [];

        public List<int> Protections { get; } = [];

        public List<int> AuditEntries { get; } = [];

        public AuditLink? HeadBefore { get; set; }

        public AuditLink? HeadAfter { get; set; }

        public IEnumerable<List<int>> ByRemovalOrder() => [AuditEntries, Protections, Lines, Deals, Customers];

        public Dictionary<string, int> Counts() => new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Customers"] = Customers.Count,
            ["Deals"] = Deals.Count,
            ["DealLines"] = Lines.Count,
            ["CustomerProtections"] = Protections.Count,
            ["AuditLog"] = AuditEntries.Count,
        };
    }
}

/// <summary>The floor's timing and how many rows it wrote (and removed again) in each table.</summary>
internal sealed record FloorRun(ThroughputResult Result, IReadOnlyDictionary<string, int> RowsWritten);
