namespace Portal.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, int maxLength, string paramName)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("A value is required.", paramName);
        }

        if (trimmed.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters.", paramName);
        }

        return trimmed;
    }

    /// <summary>Like <see cref="Text"/>, but a missing or blank value is allowed and becomes null.</summary>
    public static string? OptionalText(string? value, int maxLength, string paramName) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, maxLength, paramName);

    public static DateTime Utc(DateTime value, string paramName) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Times are stored in UTC.", paramName);
}
