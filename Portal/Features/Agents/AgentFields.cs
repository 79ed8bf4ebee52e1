namespace Portal.Features.Agents;

/// <summary>The input fields of the agent use cases (recruitment, regrading, contract), as reasons name them.</summary>
public static class AgentFields
{
    /// <summary>A decision's written note (kept in the audit trail: the agent row has no column for it).</summary>
    public const int NoteMaxLength = 1000;

    public const string Code = "code";
    public const string LegalName = "legalName";
    public const string Uscc = Domain.Common.InputField.Uscc;
    public const string Tier = Domain.Common.InputField.Tier;
    public const string Territory = Domain.Common.InputField.Territory;
    // The contacts as the API's body nests them ({contacts:{name, phone, email}}), so that a field error names them so.
    public const string ContactName = "contacts.name";
    public const string ContactPhone = "contacts.phone";
    public const string ContactEmail = "contacts.email";
    public const string ParentCode = "parentCode";
    public const string ContractStart = "contractStart";
    public const string ContractEnd = "contractEnd";
    public const string SuspendedUntil = "suspendedUntil";
    public const string Note = "note";
    public const string Reason = Domain.Common.InputField.WrittenReason;
}
