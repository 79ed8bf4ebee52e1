using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Data.Operations;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Catalog;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Pricing.Versions;
using Portal.Domain.Deals;
using Portal.Domain.Notifications;
using Portal.Domain.Regions;
using Portal.Domain.Sales;

namespace Portal.Data;

/// <summary>The portal's database: the channel's records and the Identity users, on SQLite, SQL Server or PostgreSQL.</summary>
public sealed partial class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<AgentTerritory> AgentTerritories => Set<AgentTerritory>();

    public DbSet<AgentLink> AgentLinks => Set<AgentLink>();

    /// <summary>The regions a ChannelManager is scoped to (ADR 26).</summary>
    public DbSet<PortalUserRegion> UserRegions => Set<PortalUserRegion>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductPrice> ProductPrices => Set<ProductPrice>();

    public DbSet<TierDiscount> TierDiscounts => Set<TierDiscount>();

    public DbSet<PriceListVersion> PriceListVersions => Set<PriceListVersion>();

    public DbSet<PolicyAcknowledgement> PolicyAcknowledgements => Set<PolicyAcknowledgement>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerProtection> CustomerProtections => Set<CustomerProtection>();

    public DbSet<DealRegistration> Deals => Set<DealRegistration>();

    public DbSet<CrossRegionAuthorization> CrossRegionAuthorizations => Set<CrossRegionAuthorization>();

    public DbSet<SalesReport> SalesReports => Set<SalesReport>();

    public DbSet<ViolationCase> ViolationCases => Set<ViolationCase>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    /// <summary>Which instance does each kind of background work now (ADR 36).</summary>
    public DbSet<BackgroundLease> BackgroundLeases => Set<BackgroundLease>();

    /// <summary>Sign-in sessions signed out, refused on every instance (ADR 37).</summary>
    public DbSet<SignedOutSession> SignedOutSessions => Set<SignedOutSession>();

    /// <summary>Data Protection keys, shared by every instance so cookies and tokens survive restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        ConfigureVisibility(builder);
        IndexFilters.QuoteForProvider(builder, DatabaseProviders.Of(Database));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Times are UTC everywhere; the providers drop DateTimeKind, so it is restored on read (PostgreSQL stores timestamptz).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(Domain.Common.Money.Precision, Domain.Common.Money.Scale);
    }
}
