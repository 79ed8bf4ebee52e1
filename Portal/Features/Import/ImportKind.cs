namespace Portal.Features.Import;

/// <summary>What a file imports: agents signed directly, or customers (with their holder, when one is named).</summary>
public enum ImportKind
{
    Agents,
    Customers,
}
