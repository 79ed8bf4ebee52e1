using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Data;
using Portal.Domain.Compliance;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>
/// How compliance use cases write the audit trail: snapshots as compact JSON (enums by name, Chinese text as is), and
/// an append that saves around the entry, because a use case may append several entries in one transaction and each
/// links to the one before (ADR 5).
/// </summary>
internal static class CaseAudit
{
    /// <summary>The actor of a public report filed without signing in.</summary>
    public const string Anonymous = "anonymous";

    public const string CaseEntity = "ViolationCase";
    public const string AgentEntity = "Agent";
    public const string DealEntity = "DealRegistration";
    public const string ProtectionEntity = "CustomerProtection";
    public const string AuthorizationEntity = "CrossRegionAuthorization";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Snapshot(object value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A case's decision-relevant state as JSON (see <see cref="StateOf"/>).</summary>
    public static string Snapshot(ViolationCase violation, string? note = null) => Snapshot(StateOf(violation, note));

    /// <summary>
    /// A case's decision-relevant state, to serialize alone or inside a larger snapshot. The reporter's contact is left
    /// out: the audit trail is read by more people than the case (Admin), and a reporter must be safe from the agent
    /// reported. A <paramref name="note"/> added to the timeline with the change is recorded with it.
    /// </summary>
    public static object StateOf(ViolationCase violation, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new
        {
            violation.State,
            violation.Type,
            violation.Source,
            violation.SubjectAgentId,
            violation.SubjectText,
            violation.Severe,
            violation.ConfirmedAt,
            violation.Penalty,
            violation.FineAmount,
            violation.PenalizedAt,
            violation.AppealDeadline,
            violation.ClosedAt,
            Note = note,
        };
    }

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Saves the changes the entry describes, appends the entry and saves it, so the next append links to it.</summary>
    public static async Task AppendSavedAsync(this AuditTrail trail, PortalDbContext db, AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await trail.AppendAsync(db, record, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
