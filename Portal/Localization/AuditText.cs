using Microsoft.Extensions.Localization;

namespace Portal.Localization;

/// <summary>The audit log's words in the reader's language: an action (<c>AuditAction_&lt;Name&gt;</c>) and a kind of record (<c>AuditEntity_&lt;Name&gt;</c>).</summary>
public static class AuditText
{
    /// <summary>An action as stored in the log; the stored name itself when the table has no words for it.</summary>
    public static string Action(IStringLocalizer localizer, string action) => Lookup(localizer, $"AuditAction_{action}", action);

    /// <summary>A kind of record as stored in the log.</summary>
    public static string Entity(IStringLocalizer localizer, string entity) => Lookup(localizer, $"AuditEntity_{entity}", entity);

    private static string Lookup(IStringLocalizer localizer, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
