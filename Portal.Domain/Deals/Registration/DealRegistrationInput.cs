namespace Portal.Domain.Deals.Registration;

/// <summary>
/// A registration as the client sent it — <c>{customer:{uscc, name, regionCode, segment}, lines:[…],
/// expectedCloseDate}</c> (DESIGN.md §7) — before validation; every member may be missing.
/// </summary>
public sealed record DealRegistrationInput(CustomerInput? Customer, IReadOnlyList<LineInput?>? Lines, DateOnly? ExpectedCloseDate);

/// <summary>The customer part of <see cref="DealRegistrationInput"/>; the segment is its PascalCase name.</summary>
public sealed record CustomerInput(string? Uscc, string? Name, string? RegionCode, string? Segment);
