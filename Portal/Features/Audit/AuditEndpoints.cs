using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Portal.Api;
using Portal.Auth;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Features.Exports;

namespace Portal.Features.Audit;

/// <summary>
/// The audit chain's verification (DESIGN.md §7): intact or where it breaks, the head to note down, and — given a
/// checkpoint kept outside the system — whether everything at or before it is still there unchanged.
/// </summary>
public sealed record AuditVerificationResponse(bool Intact, long Entries, long? HeadSequence, string? HeadHash, long? FirstBrokenSequence, AuditBreak? Break);

/// <summary>The audit trail for Compliance and the Admin: its verification and its daily checkpoints.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var audit = api.MapGroup("/audit").WithTags("Audit");

        audit.MapGet("/verification", VerifyAsync)
            .RequireAuthorization(PortalPolicies.ReadAudit)
            .WithName("VerifyAuditChain")
            .WithSummary("Recompute the whole chain; with a kept checkpoint, also prove nothing at or before it was rewritten or removed")
            .Produces<AuditVerificationResponse>()
            .Refuses(StatusCodes.Status400BadRequest);

        audit.MapGet("/checkpoints", async (HttpContext http, AuditCheckpoints checkpoints, CancellationToken ct) =>
                TypedResults.Ok(await checkpoints.ListAsync(CurrentUser.From(http.User)!, ct).ConfigureAwait(false)))
            .RequireAuthorization(PortalPolicies.ReadAudit)
            .WithName("ListAuditCheckpoints")
            .WithSummary("The daily checkpoints of the chain's head, newest first: keep a copy outside the system")
            .Produces<IReadOnlyList<CheckpointView>>();

        audit.MapGet("/export", Export)
            .RequireAuthorization(AuditExport.Policy)
            .DescribedAsExport("ExportAuditLog", "The audit log, filtered as the log page, newest first unless asked otherwise, as a CSV or Excel file streamed row by row");
        return api;
    }

    // `GET /api/v1/audit/export` and the browser's `/exports/audit`.
    internal static IResult Export(
        [FromQuery(Name = "format"), Description(ExportFile.FormatText)] string? format,
        [FromQuery(Name = "search"), Description("Part of the action, actor or record type, or a whole record id.")] string? search,
        [FromQuery(Name = "entity"), Description("Only entries about this kind of record.")] AuditEntity? entity,
        [FromQuery(Name = "entityId"), Description("With entity: only entries about this record.")] string? entityId,
        [FromQuery(Name = "actor"), Description("The beginning of the acting user's e-mail (or system).")] string? actor,
        [FromQuery(Name = "action"), Description("Only entries of this action.")] AuditAction? action,
        [FromQuery(Name = "from"), Description("Recorded on or after this business day.")] DateOnly? from,
        [FromQuery(Name = "to"), Description("Recorded on or before this business day.")] DateOnly? to,
        [FromQuery(Name = "sortBy"), Description("The column to sort by: Sequence.")] AuditSort? sortBy,
        [FromQuery(Name = "descending"), Description(ListQuery.DescendingText)] bool? descending,
        HttpContext http,
        AuditLogService audit)
    {
        var check = new InputCheck();
        var filter = new AuditFilter(
            check.OptionalText("search", search, 200),
            ListQuery.Named(check, http.Request, "entity", entity),
            check.OptionalText("entityId", entityId, 100),
            check.OptionalText("actor", actor, 200),
            ListQuery.Named(check, http.Request, "action", action),
            from,
            to);
        var sort = ListQuery.Named(check, http.Request, "sortBy", sortBy)?.ToString();
        return ExportFile.Answer(http, check, format, AuditExport.List, AuditExport.Columns, () => audit.ExportAsync(CurrentUser.From(http.User)!, filter, sort, descending ?? true, http.RequestAborted));
    }

    private static async Task<IResult> VerifyAsync(
        [FromQuery(Name = "checkpointSequence"), Description("The sequence of a kept checkpoint (with its hash).")] long? checkpointSequence,
        [FromQuery(Name = "checkpointHash"), Description("The hash of a kept checkpoint (64 hex digits, with its sequence).")] string? checkpointHash,
        HttpContext http,
        AuditLogService audit,
        CancellationToken ct)
    {
        var check = new InputCheck();
        var checkpoint = Checkpoint(check, checkpointSequence, checkpointHash);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors).ToHttp(http);
        }

        var result = await audit.VerifyAsync(CurrentUser.From(http.User)!, checkpoint, ct).ConfigureAwait(false);
        return TypedResults.Ok(new AuditVerificationResponse(result.IsIntact, result.EntriesVerified, result.HeadSequence, result.HeadHash, result.BrokenAtSequence, result.Break));
    }

    /// <summary>A checkpoint is its sequence and its hash together, or nothing.</summary>
    public static AuditLink? Checkpoint(InputCheck check, long? sequence, string? hash)
    {
        ArgumentNullException.ThrowIfNull(check);
        var sha = check.OptionalSha256("checkpointHash", hash);
        if (sequence is null && sha is null)
        {
            return null;
        }

        if (sequence is not { } s || s < 1)
        {
            check.Add("checkpointSequence", sequence is null ? ReasonCode.Required : ReasonCode.InvalidValue);
            return null;
        }

        if (sha is null)
        {
            if (!check.Has("checkpointHash"))
            {
                check.Add("checkpointHash", ReasonCode.Required);
            }

            return null;
        }

        return new AuditLink(s, sha);
    }
}

/// <summary>The columns the audit log sorts by.</summary>
public enum AuditSort
{
    Sequence,
}
