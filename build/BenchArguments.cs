using System.Globalization;

namespace ConversationBot.Repository;

/// <summary>
/// The benches' command lines (bench/*): <c>--name value</c> pairs and bare <c>--flag</c>s, names in any
/// case. Numbers may group digits with underscores (<c>--subscribers 100_000</c>). One file linked into
/// each bench, as build/RepositoryRoot.cs is.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    public BenchArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _values[name] = args[++i];
            }
            else
            {
                _flags.Add(name);
            }
        }
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int? Int(string name) => _values.TryGetValue(name, out var value) ? Number(value) : null;

    /// <summary>A comma-separated list of numbers; empty when the argument is absent.</summary>
    public List<int> Ints(string name, string fallback = "") =>
        [.. (Text(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Number)];

    private static int Number(string text) => int.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
