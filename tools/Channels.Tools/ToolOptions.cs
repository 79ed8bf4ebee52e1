using System.CommandLine;
using System.Globalization;

namespace Channels.Tools;

/// <summary>The options the tools share: the seed and whole numbers with a minimum (the database: <see cref="DatabaseChoice"/>).</summary>
internal static class ToolOptions
{
    public static Option<int> Seed(string description) => Number("--seed", 42, 0, description);

    /// <summary>A whole number that defaults to <paramref name="fallback"/>; text or a number below <paramref name="min"/> is refused.</summary>
    public static Option<int> Number(string name, int fallback, int min, string description) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            if (result.Tokens is [{ Value: var text }]
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && value >= min)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of at least {min}."));
            return fallback;
        },
    };
}
