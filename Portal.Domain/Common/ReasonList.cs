namespace Portal.Domain.Common;

/// <summary>Collects the reasons of one decision while the rules run.</summary>
internal sealed class ReasonList
{
    private readonly List<Reason> _reasons = [];

    public int Count => _reasons.Count;

    public IReadOnlyList<Reason> Items => _reasons;

    public void Add(string code, string? field = null, string? detail = null) => _reasons.Add(new Reason(code, field, detail));

    public void AddIf(bool condition, string code, string? field = null, string? detail = null)
    {
        if (condition)
        {
            Add(code, field, detail);
        }
    }

    public bool Has(string code) => _reasons.Exists(r => r.Code == code);

    public Decision ToDecision() => _reasons.Count == 0 ? Decision.Allowed : new Decision(_reasons);
}
