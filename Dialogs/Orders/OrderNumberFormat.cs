using System.Text.RegularExpressions;

namespace ConversationBot.Dialogs.Orders;

/// <summary>
/// What an order number looks like (configurable, since every shop system has its own), how to
/// clean up what a customer typed ("#10045", "10 045"), and how to find one inside a sentence.
/// </summary>
public sealed class OrderNumberFormat
{
    private readonly Regex _whole;
    private readonly Regex _inText;

    public OrderNumberFormat(string pattern, string example)
    {
        _whole = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        _inText = new Regex($@"(?<![\w])(?:{pattern})(?![\w])", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        Example = example;
        if (!IsValid(example))
        {
            throw new ArgumentException($"The example order number '{example}' does not match the pattern '{pattern}'.", nameof(example));
        }
    }

    public string Example { get; }

    public bool IsValid(string candidate) => _whole.IsMatch(candidate);

    /// <summary>The number the customer meant, without decoration, or null when the input is not an order number.</summary>
    public string? Normalize(string input)
    {
        var cleaned = input.Trim().TrimStart('#').Replace(" ", string.Empty, StringComparison.Ordinal);
        return IsValid(cleaned) ? cleaned : null;
    }

    /// <summary>The first order number standing in a sentence such as "Wo ist meine Bestellung 10045?".</summary>
    public string? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = _inText.Match(text);
        return match.Success ? match.Value : null;
    }
}
