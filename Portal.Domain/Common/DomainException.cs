namespace Portal.Domain.Common;

/// <summary>Thrown when code asks an entity for a change its rules never allow; carries the reason code.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message) => Code = code;

    public DomainException()
    {
        Code = string.Empty;
    }

    public DomainException(string message)
        : base(message) => Code = string.Empty;

    public DomainException(string message, Exception innerException)
        : base(message, innerException) => Code = string.Empty;

    public string Code { get; }
}
