using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Customers;

/// <summary>
/// A Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters — registration authority,
/// entity type, 6-digit region, the 9-character organization code (GB 11714, with its own check character) and
/// a final check character over the first 17.
/// </summary>
public readonly record struct Uscc
{
    public const int Length = 18;

    /// <summary>The 31 characters a USCC may use: digits and capitals without I, O, S, V, Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private Uscc(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value ?? string.Empty;

    public static Uscc Parse(string? value) =>
        TryParse(value, out var uscc, out var error) ? uscc : throw new FormatException($"Invalid USCC: {error}.");

    public static bool TryParse([NotNullWhen(true)] string? value, out Uscc uscc, out UsccError? error)
    {
        uscc = default;
        error = Validate(value);
        if (error is not null)
        {
            return false;
        }

        uscc = new Uscc(Normalize(value!));
        return true;
    }

    /// <summary>Input is accepted with surrounding blanks and in lower case; the stored form is upper case.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static UsccError? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return UsccError.Empty;
        }

        var code = Normalize(value);
        if (code.Length != Length)
        {
            return UsccError.WrongLength;
        }

        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return UsccError.InvalidCharacter;
        }

        if (!"123456789ABCDEFGY".Contains(code[0], StringComparison.Ordinal))
        {
            return UsccError.InvalidRegistrationAuthority;
        }

        if (!code.Substring(2, 6).All(char.IsAsciiDigit))
        {
            return UsccError.InvalidRegionPart;
        }

        if (OrganizationCheck(code.AsSpan(8, 8)) != code[16])
        {
            return UsccError.OrganizationCodeCheckFailed;
        }

        return CheckCharacter(code.AsSpan(0, 17)) == code[17] ? null : UsccError.CheckCharacterMismatch;
    }

    /// <summary>
    /// Builds a valid code from its parts, computing both check characters (used by demo and synthetic data).
    /// </summary>
    public static Uscc Create(char authority, char entityType, string regionCode, string organizationBody)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(regionCode.Length, 6);
        ArgumentOutOfRangeException.ThrowIfNotEqual(organizationBody.Length, 8);
        var first17 = string.Concat(authority.ToString(), entityType.ToString(), regionCode, organizationBody, OrganizationCheck(organizationBody).ToString());
        return Parse(first17 + CheckCharacter(first17));
    }

    /// <summary>GB 32100-2015: weights 3^i mod 31; check = 31 − (Σ mod 31), where 31 reads as 0.</summary>
    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>GB 11714-1997 organization code: weights 3,7,9,10,5,8,4,2 mod 11; 10 → X, 11 → 0.</summary>
    internal static char OrganizationCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < OrganizationWeights.Length; i++)
        {
            var c = body[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganizationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var d => (char)('0' + d),
        };
    }
}
