using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Domain.Regions;
using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Customers;
using Portal.Features.Deals;
using Portal.Features.Recruitment;

namespace Portal.Features.Import;

/// <summary>
/// Imports agents or customers from an xlsx or CSV file (ADR 30). An import is one use case: every row goes through the
/// rules its single counterpart uses — an agent through direct signing, a customer's holder through the protection rules
/// of a registration's approval — in one transaction, so a file with any refused row stores nothing; a clean file
/// stores every row and is audited once, with the file's SHA-256. A dry run is the same work rolled back: it answers
/// every row's problems, judged exactly as the import would judge them.
/// </summary>
public sealed class ChannelImport(
    ChannelWrites writes, ReferenceData reference, AgentRecruitment recruitment, ProtectionLedger protections, AuditTrail audit, ChannelPolicy policy, BusinessClock clock)
{
    /// <summary>The largest file an import reads.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    // Rows between progress reports and between flushes of the change tracker (a long file's rows are saved as they go).
    private const int Batch = 200;

    /// <summary>
    /// Reads <paramref name="upload"/> and imports its rows — or, with <paramref name="dryRun"/>, only says what importing
    /// it would find. A dry run succeeds with its report whatever it found; an import with any problem is refused with
    /// every problem (field <c>rows[N].column</c>) and stores nothing.
    /// </summary>
    public async Task<UseCaseResult<ImportReport>> ImportAsync(
        CurrentUser manager, ImportKind kind, ImportUpload upload, bool dryRun, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        ArgumentNullException.ThrowIfNull(upload);
        var content = await ReadAsync(upload.Content, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Answer(TooLarge(kind, dryRun));
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var sheet = ImportFile.Read(kind, content);
        if (sheet.Problems.Count > 0)
        {
            return Answer(new ImportReport(kind, dryRun, 0, sha256, sheet.Problems));
        }

        var rows = sheet.Rows;
        Func<PortalDbContext, CancellationToken, Task<UseCaseResult<ImportReport>>> work = async (db, ct) =>
        {
            var problems = kind == ImportKind.Agents
                ? await AgentsAsync(db, manager, rows, progress, ct).ConfigureAwait(false)
                : await CustomersAsync(db, manager, rows, progress, ct).ConfigureAwait(false);
            var report = new ImportReport(kind, dryRun, rows.Count, sha256, problems);
            if (dryRun || problems.Count > 0)
            {
                return Answer(report);
            }

            var entry = await audit.AppendAsync(db, new AuditRecord(
                manager.Email,
                AuditAction.ImportCompleted,
                AuditEntity.Import,
                kind.ToString(),
                After: new { kind, rows = rows.Count, sha256, fileName = upload.FileName }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(report with { AuditSequence = entry.Sequence });
        };

        var useCase = $"Import{kind}";
        return dryRun
            ? await writes.RehearseAsync(useCase, work, cancellationToken).ConfigureAwait(false)
            : await writes.RunAsync(useCase, work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The report on a file larger than <see cref="MaxBytes"/>: nothing of it is read.</summary>
    public static ImportReport TooLarge(ImportKind kind, bool dryRun) =>
        new(kind, dryRun, 0, string.Empty, [new ImportProblem(null, null, ReasonCode.FileTooLarge, $"{MaxBytes / (1024 * 1024)} MB")]);

    /// <summary>The field a problem names in a refusal: <c>rows[N].column</c> (N the file's row number), <c>rows[N]</c>, or <c>file</c>.</summary>
    public static string Field(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem switch
        {
            { Row: null } => InputField.File,
            { Column: null } => string.Create(CultureInfo.InvariantCulture, $"rows[{problem.Row}]"),
            _ => string.Create(CultureInfo.InvariantCulture, $"rows[{problem.Row}].{problem.Column}"),
        };
    }

    // A dry run answers its report; an import with problems is refused with every one of them.
    private static UseCaseResult<ImportReport> Answer(ImportReport report) =>
        report.DryRun || report.IsClean
            ? UseCaseResult.Ok(report)
            : new Refusal(UseCaseOutcome.Refused, [.. report.Problems.Select(p => new Reason(p.Code, Field(p), p.Detail))]);

    // Agents: each row is a direct signing (the same input check, the same rules, the same insert); a parent may be a row
    // above it, which is then already in the transaction.
    private async Task<List<ImportProblem>> AgentsAsync(PortalDbContext db, CurrentUser manager, IReadOnlyList<ImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var problems = new List<ImportProblem>();
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var usccs = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var found = new List<ImportProblem>();
            found.AddRange(Repeated(codes, row, ImportColumns.Code, row[ImportColumns.Code]?.ToUpperInvariant()));
            found.AddRange(Repeated(usccs, row, ImportColumns.Uscc, row[ImportColumns.Uscc] is { } uscc ? Uscc.Normalize(uscc) : null));

            var check = new InputCheck();
            var signing = recruitment.ValidateSigning(manager, SigningInput(row), regions, check);
            if (signing is null)
            {
                found.AddRange(check.Errors.Select(e => Problem(row, e, AgentColumn)));
            }
            else if (found.Count == 0)
            {
                var signed = await recruitment.SignAsync(db, manager, signing, audited: false, ct).ConfigureAwait(false);
                found.AddRange(signed.Reasons.Select(r => Problem(row, r, AgentColumn)));
            }

            problems.AddRange(found.Distinct());
            await StepAsync(db, i + 1, rows.Count, progress, ct).ConfigureAwait(false);
        }

        return problems;
    }

    // Customers: each row a new customer (a USCC on file is refused: an import adds, it does not change), located in a
    // city or district; with a holder, protected for it as a registration's approval would protect it.
    private async Task<List<ImportProblem>> CustomersAsync(PortalDbContext db, CurrentUser manager, IReadOnlyList<ImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var scope = PortalData.ScopeOf(manager);
        var problems = new List<ImportProblem>();
        var usccs = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var holders = new Dictionary<string, Agent?>(StringComparer.Ordinal);
        var grants = new List<(Customer Customer, int AgentId)>();
        var now = clock.Now;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var found = new List<ImportProblem>();
            found.AddRange(Repeated(usccs, row, ImportColumns.Uscc, row[ImportColumns.Uscc] is { } text ? Uscc.Normalize(text) : null));

            var check = new InputCheck();
            var segment = ImportColumns.Choice<CustomerSegment>(row[ImportColumns.Segment], "Segment_") ?? nameof(CustomerSegment.GovernmentEnterprise);
            var customer = DealRegistrationValidator.Customer(
                new CustomerInput(row[ImportColumns.Uscc], row[ImportColumns.LegalName], row[ImportColumns.RegionCode], segment), code => regions.ContainsKey(code.Value), check);
            var holderCode = check.OptionalText(ImportColumns.HolderCode, row[ImportColumns.HolderCode], Agent.CodeMaxLength)?.ToUpperInvariant();

            // A regional manager imports customers of its regions only (ADR 26).
            if (customer is not null && scope.ByRegion && !Territory.IsWithin([customer.Region], scope.Regions.Select(RegionCode.Parse)))
            {
                check.Add(InputField.CustomerRegionCode, UseCaseCode.OutsideYourRegions);
            }

            found.AddRange(check.Errors.Select(e => Problem(row, e, CustomerColumn)));
            if (customer is null || found.Count > 0)
            {
                problems.AddRange(found.Distinct());
                await StepAsync(db, i + 1, rows.Count, progress, ct).ConfigureAwait(false);
                continue;
            }

            if (await RegistrationContextLoader.CustomerAsync(db, customer.Uscc.Value, ct).ConfigureAwait(false) is not null)
            {
                found.Add(new ImportProblem(row.Number, ImportColumns.Uscc, UseCaseCode.AlreadyExists));
            }

            Agent? holder = null;
            if (holderCode is not null)
            {
                holder = await HolderAsync(db, scope, holders, holderCode, ct).ConfigureAwait(false);
                if (holder is null)
                {
                    found.Add(new ImportProblem(row.Number, ImportColumns.HolderCode, UseCaseCode.UnknownAgent));
                }
                else
                {
                    var authorizations = await RegistrationContextLoader.AuthorizationsAsync(db, holder.Id, ct).ConfigureAwait(false);
                    var decision = DealRegistrationRules.MayHold(AgentSnapshot.From(holder), customer.Region, null, [], authorizations, policy, now);
                    found.AddRange(decision.Reasons.Select(r => Problem(row, r, CustomerColumn)));
                }
            }

            if (found.Count == 0)
            {
                var stored = new Customer(customer.Uscc, customer.LegalName, customer.Region, customer.Segment, now);
                db.Customers.Add(stored);
                if (holder is not null)
                {
                    grants.Add((stored, holder.Id));
                }
            }

            problems.AddRange(found.Distinct());
            await StepAsync(db, i + 1, rows.Count, progress, ct).ConfigureAwait(false);
        }

        // The customers have their ids once saved; each holder's protection is the customer's first.
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var until = DealRegistrationRules.ProtectionUntil(now, policy);
        foreach (var (customer, agentId) in grants)
        {
            protections.GrantFirst(db, new ProtectionGrant(customer.Id, agentId, ProtectionBasis.Imported, now, until, null));
        }

        return problems;
    }

    private static async Task<Agent?> HolderAsync(PortalDbContext db, DataScope scope, Dictionary<string, Agent?> holders, string code, CancellationToken ct)
    {
        if (!holders.TryGetValue(code, out var holder))
        {
            holder = await db.Agents.AsNoTracking().Include(a => a.Territory).SingleOrDefaultAsync(a => a.Code == code, ct).ConfigureAwait(false);
            if (holder is not null && !await db.SeesAsync(scope, v => v.Agents.AnyAsync(a => a.Id == holder.Id, ct)).ConfigureAwait(false))
            {
                holder = null;
            }

            holders[code] = holder;
        }

        return holder;
    }

    // A key a row above already has: the later row is the duplicate, and names the earlier one.
    private static IEnumerable<ImportProblem> Repeated(Dictionary<string, int> seen, ImportRow row, string column, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            yield break;
        }

        if (!seen.TryAdd(key, row.Number))
        {
            yield return new ImportProblem(row.Number, column, UseCaseCode.DuplicateInFile, seen[key].ToString(CultureInfo.InvariantCulture));
        }
    }

    private static async Task StepAsync(PortalDbContext db, int done, int total, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (done % Batch != 0 && done != total)
        {
            return;
        }

        progress?.Report(new ImportProgress(done, total));
        if (done % Batch == 0)
        {
            // What is saved stays in the transaction; the tracker need not keep every row of a long file.
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }

    private static ImportProblem Problem(ImportRow row, Reason reason, Func<Reason, string?> column) =>
        new(row.Number, column(reason), reason.Code, reason.Detail);

    // The signing's fields as the template's columns: a territory entry (territory[2]) is the territory; a rule's reason
    // about the recruiter is the parent's.
    private static string? AgentColumn(Reason reason) => reason.Field switch
    {
        null => ImportColumns.ParentCode,
        AgentFields.ContactName => ImportColumns.ContactName,
        AgentFields.ContactPhone => ImportColumns.ContactPhone,
        AgentFields.ContactEmail => ImportColumns.ContactEmail,
        var field when field.StartsWith(AgentFields.Territory, StringComparison.Ordinal) => ImportColumns.Territory,
        var field => field,
    };

    private static string? CustomerColumn(Reason reason) => reason.Field switch
    {
        InputField.CustomerUscc => ImportColumns.Uscc,
        InputField.CustomerName => ImportColumns.LegalName,
        InputField.CustomerRegionCode => ImportColumns.RegionCode,
        InputField.CustomerSegment => ImportColumns.Segment,
        InputField.Customer => null,

        // The holder's own state (not Active) concerns the agent the row names.
        null => ImportColumns.HolderCode,
        var field => field,
    };

    // A signing's input from a row. A contract period left blank is a year from today, as the signing page proposes; a
    // value that is not a tier or a day reaches the input check as one it refuses (INVALID_VALUE, INVALID_DATE).
    private DirectSigningInput SigningInput(ImportRow row)
    {
        var start = Day(row[ImportColumns.ContractStart]);
        var end = Day(row[ImportColumns.ContractEnd]);
        if (row[ImportColumns.ContractStart] is null && row[ImportColumns.ContractEnd] is null)
        {
            start = clock.Today;
            end = clock.Today.AddYears(1).AddDays(-1);
        }

        var tier = ImportColumns.Choice<AgentTier>(row[ImportColumns.Tier], "Tier_");
        return new DirectSigningInput
        {
            Code = row[ImportColumns.Code],
            LegalName = row[ImportColumns.LegalName],
            Uscc = row[ImportColumns.Uscc]?.ToUpperInvariant(),
            Tier = tier is null ? null : Enum.TryParse<AgentTier>(tier, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : (AgentTier)(-1),
            ParentCode = row[ImportColumns.ParentCode],
            Territory = row[ImportColumns.Territory]?.Split(TerritorySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            ContractStart = start,
            ContractEnd = end,
            ContactName = row[ImportColumns.ContactName],
            ContactPhone = row[ImportColumns.ContactPhone],
            ContactEmail = row[ImportColumns.ContactEmail],
        };
    }

    private static readonly char[] TerritorySeparators = [';', ',', ' ', '；', '，', '、', '\n'];

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];

    private static DateOnly? Day(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : DateOnly.MinValue;

    // At most MaxBytes: one byte more means the file is too large.
    private static async Task<byte[]?> ReadAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
