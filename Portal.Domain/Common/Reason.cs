namespace Portal.Domain.Common;

/// <summary>
/// One reason a rule gives for its decision: a stable code from <see cref="ReasonCode"/>, the input field it concerns
/// (named as in the API body of DESIGN.md §7, see <see cref="InputField"/>; null when it concerns the request as a
/// whole, such as the agent's own status), and an optional detail for the vendor's staff (a region or agent code).
/// </summary>
/// <remarks>
/// Customer protection: a reason shown to a reseller never names the agent that holds a customer, so reasons of
/// reseller-facing decisions carry no detail that could identify it.
/// </remarks>
public sealed record Reason(string Code, string? Field = null, string? Detail = null)
{
    public override string ToString() => Field is null ? Code : $"{Code} ({Field})";
}
