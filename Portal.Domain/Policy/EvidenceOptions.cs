using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Policy;

/// <summary>The evidence file's settings (DESIGN.md §8), bound from the <c>Evidence</c> section.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The largest file a piece of evidence may be, in bytes (10 MB by default).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
