using System.Globalization;

namespace Portal.Tools;

/// <summary>The tools' <c>--name value</c> options.</summary>
public sealed class ToolArguments
{
    private readonly Dictionary<string, string> _values;

    private ToolArguments(Dictionary<string, string> values) => _values = values;

    public static ToolArguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{name}'.");
            }

            values[name[2..]] = args[++i];
        }

        return new ToolArguments(values);
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"--{name} is required.");

    public string? OptionalText(string name) => _values.GetValueOrDefault(name);

    public int Number(string name, int fallback, int min)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"--{name} must be a whole number of at least {min}.");
    }
}
