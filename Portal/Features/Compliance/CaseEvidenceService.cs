using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Policy;
using Portal.Features.Audit;

namespace Portal.Features.Compliance;

/// <summary>A file offered as evidence: what it shows (1–2000 characters), its name, and its bytes.</summary>
public sealed record EvidenceUpload(string? Description, string? FileName, Stream? Content);

/// <summary>A piece of evidence as it was stored: its kind as the content showed it, its size and its SHA-256.</summary>
public sealed record EvidenceAdded(int CaseId, int EvidenceId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>A stored evidence file, to be served back byte for byte.</summary>
public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content, string Sha256);

/// <summary>
/// A case's evidence files (DESIGN.md §8): real files of the kinds evidence may be (<see cref="EvidenceFileType"/>),
/// the kind told from the content, at most <c>Evidence:MaxBytes</c>, stored with their SHA-256 — which also goes into the
/// audit entry — and never changed; served back only to those who may read the case. Compliance files evidence in any
/// state; the penalized agent's own staff file it with their appeal.
/// </summary>
public sealed class CaseEvidenceService(ChannelWrites writes, PortalData data, AuditTrail audit, ChannelPolicy policy, BusinessClock clock)
{
    /// <summary>Stores <paramref name="upload"/> as evidence of the case. A file too large or of a kind not allowed stores nothing.</summary>
    public async Task<UseCaseResult<EvidenceAdded>> AddAsync(CurrentUser user, int caseId, EvidenceUpload? upload, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.Appeal);
        var check = new InputCheck();
        var description = check.Text(CaseFields.Description, upload?.Description, CaseEvidence.DescriptionMaxLength, multiline: true);
        var fileName = check.Text(CaseFields.FileName, upload?.FileName is { } name ? Path.GetFileName(name) : null, CaseEvidence.FileNameMaxLength);
        var content = await ReadAsync(check, upload?.Content, cancellationToken).ConfigureAwait(false);
        var type = content is null || fileName is null ? null : Kind(check, content, fileName);
        if (!check.IsValid || content is null || fileName is null || type is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return await writes.RunAsync<EvidenceAdded>("AddCaseEvidence", async (db, ct) =>
        {
            var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
            if (violation is null)
            {
                return Refusal.NotFound;
            }

            if (await AgentStaffAccess.RefusalAsync(db, user, violation, ct).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            if (!user.May(PortalPolicies.WorkCases) && !violation.AcceptsAppealFiles(clock.Now))
            {
                // The agent's staff add files to an appeal — one made, or one still possible — not to an investigation.
                return violation.AppealRefusal(clock.Now) is { } closed
                    ? Refusal.Because(closed)
                    : Refusal.Because(TransitionCode.NotAllowedInState, null, violation.State.ToString());
            }

            var evidence = new CaseEvidence(description!, fileName, type, content, sha256, clock.Now, user.Email);
            violation.AddEvidence(evidence);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.CaseEvidenceAdded, AuditEntity.ViolationCase, caseId, after: new { EvidenceId = evidence.Id, evidence.Description, evidence.FileName, evidence.ContentType, evidence.Size, evidence.Sha256 }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new EvidenceAdded(caseId, evidence.Id, fileName, type.ContentType, content.LongLength, sha256));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored file of a piece of evidence; null when the case, the evidence or its file does not exist for the caller (404).</summary>
    public async Task<EvidenceDownload?> OpenAsync(CurrentUser user, int caseId, int evidenceId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadCases);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);

        // The case through the caller's own context first: evidence of a case it may not read does not exist for it.
        var evidence = await db.ViolationCases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .SelectMany(c => c.Evidence)
            .Where(e => e.Id == evidenceId && e.File != null)
            .Select(e => new { e.FileName, e.ContentType, e.Sha256, e.File!.Content })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return evidence is { FileName: { } fileName, ContentType: { } contentType, Sha256: { } sha256 }
            ? new EvidenceDownload(fileName, contentType, evidence.Content, sha256)
            : null;
    }

    // Reads at most one byte more than the limit, so that a larger file is refused without reading all of it; the rule
    // (EvidenceFileCheck) then decides on what was read.
    private async Task<byte[]?> ReadAsync(InputCheck check, Stream? stream, CancellationToken ct)
    {
        if (stream is null)
        {
            check.Add(CaseFields.File, ReasonCode.Required);
            return null;
        }

        var limit = policy.Evidence.MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= limit && (read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private EvidenceFileType? Kind(InputCheck check, byte[] content, string fileName)
    {
        var (type, refusal) = EvidenceFileCheck.Check(content, fileName, policy.Evidence.MaxBytes);
        if (refusal is not null)
        {
            check.Add(refusal.Field!, refusal.Code, refusal.Detail);
        }

        return type;
    }
}
