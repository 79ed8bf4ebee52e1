using System.Diagnostics;
using System.Globalization;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Deals;

namespace Channels.Tools;

/// <summary>
/// Generates the synthetic channel's rows, one batch at a time, and hands each batch to the engine's
/// <see cref="SyntheticSink"/>. Ids are assigned here (parents before children), so rows reference each other
/// without reading anything back.
/// </summary>
internal sealed class SyntheticWriter(SyntheticSink sink, SyntheticSettings settings, SyntheticCatalog catalog, TextWriter output, Stopwatch clock)
{
    private const int RegistrationDays = 90;
    private const int AfterSaleMonths = 12;

    public sealed record Counts(int Links, int Protections, int Deals, int Sales, int Cases, int AuditEntries);

    private static readonly CaseState[] CaseStates =
    [
        CaseState.Closed, CaseState.Closed, CaseState.Closed, CaseState.Closed, CaseState.Dismissed, CaseState.Dismissed,
        CaseState.Penalized, CaseState.Reported, CaseState.UnderInvestigation, CaseState.UnderInvestigation, CaseState.Confirmed, CaseState.Appealed,
    ];

    private int _links;
    private AuditLink? _audit;
    private int _auditEntries;
    private int _cases;

    public void WriteAgents(List<SyntheticAgent> agents)
    {
        sink.Prepare();
        var anchor = settings.Anchor;
        var start = new DateOnly(anchor.Year, 1, 1);
        var insertAgent = new SyntheticTable("Agents", "Id", "Code", "LegalName", "Uscc", "Tier", "ParentId", "Status", "ContractStart", "ContractEnd", "SuspendedUntil", "ContactName", "ContactPhone", "ContactEmail", "CreatedAt", "Version");
        var insertTerritory = new SyntheticTable("AgentTerritories", "AgentId", "RegionCode");
        var insertLink = new SyntheticTable("AgentLinks", "AncestorId", "DescendantId", "Depth");
        var byId = agents.ToDictionary(a => a.Id);
        for (var from = 0; from < agents.Count; from += settings.BatchSize)
        {
            foreach (var agent in agents.Skip(from).Take(settings.BatchSize))
            {
                var (contractStart, contractEnd, suspendedUntil) = agent.Status switch
                {
                    ContractStatus.Applied => ((DateOnly?)null, (DateOnly?)null, (DateTime?)null),
                    ContractStatus.Expired => (start.AddYears(-3), DateOnly.FromDateTime(anchor).AddDays(-10), null),
                    ContractStatus.Suspended => (start, start.AddYears(3).AddDays(-1), anchor.AddDays(30)),
                    _ => (start, start.AddYears(3).AddDays(-1), null),
                };
                insertAgent.Add(
                    agent.Id, agent.Code, agent.LegalName, agent.Uscc, agent.Tier.ToString(), agent.ParentId, agent.Status.ToString(),
                    contractStart, contractEnd, suspendedUntil,
                    agent.LegalName, "010-0000-0000", agent.Code.ToLowerInvariant() + "@agents.example.cn",
                    anchor.AddYears(-1), agent.Status == ContractStatus.Applied ? 1 : 3);
                foreach (var region in agent.Territory)
                {
                    insertTerritory.Add(agent.Id, region);
                }

                // Closure table: itself at depth 0, then each ancestor one level further up.
                var depth = 0;
                for (var ancestor = agent; ancestor is not null; ancestor = ancestor.ParentId is { } p ? byId[p] : null, depth++)
                {
                    insertLink.Add(ancestor.Id, agent.Id, depth);
                    _links++;
                }
            }

            sink.Write(insertAgent, insertTerritory, insertLink);
        }

        Progress("agents", agents.Count, agents.Count);
    }

    public Counts WriteCustomers(List<SyntheticAgent> agents, SyntheticRegions regions, Random random)
    {
        var anchor = settings.Anchor;
        var homes = agents.Where(a => a.Tier != AgentTier.Strategic).ToList();
        var insertCustomer = new SyntheticTable("Customers", "Id", "Uscc", "LegalName", "NormalizedName", "RegionCode", "CityCode", "Segment", "CreatedAt", "Version");
        var insertDeal = new SyntheticTable("Deals", "Id", "AgentId", "CustomerId", "Status", "ExpectedCloseDate", "CreatedAt", "SubmittedAt", "DecidedAt", "ProtectedUntil", "ExtensionUsed", "Version");
        var insertLine = new SyntheticTable("DealLines", "DealId", "Sku", "Quantity", "UnitPrice", "UniformPrice", "PurchasePrice");
        var insertProtection = new SyntheticTable("CustomerProtections", "Id", "CustomerId", "AgentId", "Basis", "DealId", "Since", "Until", "EndedAt", "EndReason");
        var insertSale = new SyntheticTable("SalesReports", "Id", "DealId", "AgentId", "CustomerId", "SoldOn", "ReportedAt", "ReportedBy");
        var insertSaleLine = new SyntheticTable("SalesReportLine", "SalesReportId", "Sku", "Quantity", "UnitPrice", "UniformPrice");
        var insertAudit = new SyntheticTable("AuditLog", "Id", "Sequence", "At", "Actor", "Action", "EntityType", "EntityId", "Before", "After", "ReasonCodes", "PreviousHash", "Hash");
        var insertCase = new SyntheticTable(
            "ViolationCases", "Id", "SubjectAgentId", "Type", "Source", "State", "Description", "Severe", "DealId", "OpenedAt", "ConfirmedAt",
            "Penalty", "FineAmount", "PenaltyReason", "PenalizedAt", "AppealDeadline", "ClosedAt", "Version", "Investigator");
        int deals = 0, protections = 0, openProtections = 0, sales = 0;
        for (var from = 1; from <= settings.Customers; from += settings.BatchSize)
        {
            var to = Math.Min(settings.Customers, from + settings.BatchSize - 1);
            for (var id = from; id <= to; id++)
            {
                var home = homes[random.Next(homes.Count)];
                var location = regions.LocationInside(random, home.Territory[random.Next(home.Territory.Count)]);
                var name = SyntheticNames.Customer(random, regions.PlaceOf(location));
                var uscc = Uscc.Create('9', '1', location, (10_000_000 + id).ToString("D8", CultureInfo.InvariantCulture)).Value;
                var segment = random.Next(10) switch { < 7 => CustomerSegment.GovernmentEnterprise, < 9 => CustomerSegment.Public, _ => CustomerSegment.Household };
                var city = string.Concat(location.AsSpan(0, 4), "00");
                insertCustomer.Add(id, uscc, name, CustomerName.Normalize(name), location, city, segment.ToString(), anchor.AddDays(-400).AddMinutes(random.Next(200_000)), 0);

                var roll = random.Next(100);
                if (roll >= 60 || (roll < 50 && !home.IsActive))
                {
                    continue;
                }

                // A deal with one line at the uniform price, bought at the agent's tier discount.
                var (sku, uniform) = catalog.Products[random.Next(catalog.Products.Count)];
                var quantity = 1 + random.Next(50);
                var purchase = catalog.Discounts[home.Tier].PurchasePrice(uniform);
                var dealId = ++deals;
                insertLine.Add(dealId, sku, quantity, uniform, uniform, purchase);
                if (roll >= 50)
                {
                    // A registration that lapsed long ago: the deal expired and its protection with it.
                    var registered = anchor.AddDays(-100 - random.Next(300)).AddSeconds(random.Next(86_400));
                    var until = registered.AddDays(RegistrationDays);
                    InsertDeal(insertDeal, dealId, home.Id, id, DealStatus.Expired, registered, until, 3);
                    Audit(insertAudit, home, AuditAction.DealRegistered, dealId, registered);
                    Audit(insertAudit, home, AuditAction.DealExpired, dealId, until);
                    insertProtection.Add(++protections, id, home.Id, nameof(ProtectionBasis.Registration), dealId, registered, until, until, nameof(ProtectionEnd.Expired));
                }
                else if (random.Next(5) == 0)
                {
                    // Won and sold: the sale's twelve months of protection replace the registration's.
                    var registered = anchor.AddDays(-20 - random.Next(60)).AddSeconds(random.Next(86_400));
                    var soldOn = DateOnly.FromDateTime(registered.AddDays(5 + random.Next(10)));
                    var reported = soldOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                    InsertDeal(insertDeal, dealId, home.Id, id, DealStatus.Won, registered, registered.AddDays(RegistrationDays), 3);
                    Audit(insertAudit, home, AuditAction.DealRegistered, dealId, registered);
                    Audit(insertAudit, home, AuditAction.DealWon, dealId, reported);
                    var saleId = ++sales;
                    insertSale.Add(saleId, dealId, home.Id, id, soldOn, reported, home.Code.ToLowerInvariant() + "@agents.example.cn");
                    insertSaleLine.Add(saleId, sku, quantity, uniform, uniform);
                    insertProtection.Add(++protections, id, home.Id, nameof(ProtectionBasis.Sale), dealId, reported, reported.AddMonths(AfterSaleMonths), null, null);
                    openProtections++;
                }
                else
                {
                    var registered = anchor.AddDays(-random.Next(85)).AddSeconds(-random.Next(86_400));
                    var until = registered.AddDays(RegistrationDays);
                    InsertDeal(insertDeal, dealId, home.Id, id, DealStatus.Approved, registered, until, 2);
                    Audit(insertAudit, home, AuditAction.DealRegistered, dealId, registered);
                    insertProtection.Add(++protections, id, home.Id, nameof(ProtectionBasis.Registration), dealId, registered, until, null, null);
                    openProtections++;
                }

                // One deal in forty is investigated: a case against its agent, at some point of its life.
                if (random.Next(40) == 0)
                {
                    InsertCase(insertCase, home, dealId, random);
                }
            }

            sink.Write(insertCustomer, insertDeal, insertLine, insertProtection, insertSale, insertSaleLine, insertAudit, insertCase);
            Progress("customers", to, settings.Customers);
        }

        return new Counts(_links, openProtections, deals, sales, _cases, _auditEntries);
    }

    /// <summary>What a live database would have by now: planner statistics, identity counters past the ids written.</summary>
    public void Finish()
    {
        sink.Finish();
        Progress("analyze", 1, 1);
    }

    private static void InsertDeal(SyntheticTable insert, int dealId, int agentId, int customerId, DealStatus status, DateTime registered, DateTime protectedUntil, int version) =>
        insert.Add(
            dealId, agentId, customerId, status.ToString(), DateOnly.FromDateTime(registered.AddDays(45)),
            registered, registered, registered, protectedUntil, false, version);

    // The audit log's entry for what happened to a deal, chained to the one before (the chain verifies).
    private void Audit(SyntheticTable insert, SyntheticAgent agent, AuditAction action, int dealId, DateTime at)
    {
        var entry = AuditChain.Append(_audit, at, agent.Code.ToLowerInvariant() + "@agents.example.cn", action.ToString(), nameof(AuditEntity.Deal), dealId.ToString(CultureInfo.InvariantCulture));
        insert.Add(++_auditEntries, entry.Sequence, entry.At, entry.Actor, entry.Action, entry.EntityType, entry.EntityId, null, null, null, entry.PreviousHash, entry.Hash);
        _audit = entry.Link;
    }

    // A case in a state of its life, with the dates and penalty that state implies.
    private void InsertCase(SyntheticTable insert, SyntheticAgent subject, int dealId, Random random)
    {
        var anchor = settings.Anchor;
        var state = CaseStates[random.Next(CaseStates.Length)];
        var type = random.Next(3) switch { 0 => ViolationType.DiscountSelling, 1 => ViolationType.CrossRegion, _ => ViolationType.CustomerPoaching };
        var source = random.Next(3) switch { 0 => CaseSource.AutoDetected, 1 => CaseSource.Report, _ => CaseSource.Manual };
        var opened = anchor.AddDays(-random.Next(365)).AddSeconds(-random.Next(86_400));
        var investigated = state is not CaseState.Reported;
        var confirmed = state is CaseState.Confirmed or CaseState.Penalized or CaseState.Appealed || (state == CaseState.Closed && random.Next(2) == 0);
        var penalized = state is CaseState.Penalized or CaseState.Appealed || (state == CaseState.Closed && confirmed);
        var fine = penalized && random.Next(2) == 0;
        var penalizedAt = penalized ? opened.AddDays(10) : (DateTime?)null;
        insert.Add(
            ++_cases, subject.Id, type.ToString(), source.ToString(), state.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"合成案件 {_cases}：{subject.LegalName} 的报备 {dealId}"), false, dealId, opened,
            confirmed ? opened.AddDays(5) : null,
            penalized ? (fine ? PenaltyKind.Fine : PenaltyKind.Warning).ToString() : null,
            fine ? 5_000m : null,
            penalized ? "合成处罚" : null,
            penalizedAt,
            penalizedAt?.AddDays(15),
            state is CaseState.Closed or CaseState.Dismissed ? opened.AddDays(30) : null,
            3,
            investigated ? "compliance@synthetic.local" : null);
    }

    private void Progress(string what, int done, int total) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-10} {done,12:N0} / {total,-12:N0} {100.0 * done / total,5:0}%  {clock.Elapsed.TotalSeconds,6:0.0} s"));
}
