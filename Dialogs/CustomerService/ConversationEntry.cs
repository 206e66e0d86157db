using System.Text.RegularExpressions;

namespace ConversationBot.Dialogs.CustomerService;

/// <summary>
/// Where a customer came in: Messenger's Get Started, a persistent-menu item or ice breaker, and (with
/// the same words) the <c>ref</c> of an m.me link or QR code. One small grammar for all of them:
/// <c>get_started</c>, <c>dialog_&lt;menu item&gt;</c> (<c>dialog_returns</c>) or <c>topic_&lt;topic id&gt;</c>
/// (<c>topic_weekly-deals</c>), optionally followed by <c>__src_&lt;label&gt;</c> naming the placement
/// (<c>topic_weekly-deals__src_store-zurich</c>). Entries are routed by this text, never by a button's
/// title (Messenger localizes the Get Started label itself). The text comes from outside and is
/// untrusted: anything else is no entry, and the customer gets the ordinary welcome; an entry can start a
/// conversation, never grant consent. Generated entries match Meta's ref rule, <see cref="Pattern"/>
/// (docs/messenger-platform.md §9).
/// </summary>
public sealed partial record ConversationEntry(ConversationEntryKind Kind, string Target, string? Source)
{
    /// <summary>The field of an activity's value that carries an entry (Messenger postbacks and referrals).</summary>
    public const string Field = "entry";

    public const string GetStarted = "get_started";

    private const string DialogPrefix = "dialog_";
    private const string TopicPrefix = "topic_";
    private const string SourceSeparator = "__src_";

    /// <summary>What Meta accepts in a ref, and what every entry the bot writes matches (\z, not $: a trailing newline is not allowed).</summary>
    public static readonly Regex Pattern = RefPattern();

    public static ConversationEntry Welcome { get; } = new(ConversationEntryKind.Welcome, string.Empty, null);

    public static ConversationEntry? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || !Pattern.IsMatch(text))
        {
            return null;
        }

        var separator = text.IndexOf(SourceSeparator, StringComparison.Ordinal);
        var head = separator < 0 ? text : text[..separator];
        var source = separator < 0 ? null : text[(separator + SourceSeparator.Length)..];
        if (source is { Length: 0 })
        {
            return null;
        }

        if (head == GetStarted)
        {
            return Welcome with { Source = source };
        }

        var (kind, target) = head.StartsWith(DialogPrefix, StringComparison.Ordinal)
            ? (ConversationEntryKind.Dialog, head[DialogPrefix.Length..])
            : head.StartsWith(TopicPrefix, StringComparison.Ordinal)
                ? (ConversationEntryKind.Topic, head[TopicPrefix.Length..])
                : (ConversationEntryKind.Welcome, string.Empty);
        return kind == ConversationEntryKind.Welcome || target.Length == 0 ? null : new ConversationEntry(kind, target, source);
    }

    public static ConversationEntry ForDialog(string menuItem, string? source = null) => new(ConversationEntryKind.Dialog, menuItem, source);

    public static ConversationEntry ForTopic(string topicId, string? source = null) => new(ConversationEntryKind.Topic, topicId, source);

    /// <summary>The entry as a payload or ref.</summary>
    public override string ToString()
    {
        var head = Kind switch
        {
            ConversationEntryKind.Dialog => DialogPrefix + Target,
            ConversationEntryKind.Topic => TopicPrefix + Target,
            _ => GetStarted,
        };
        return Source is null ? head : head + SourceSeparator + Source;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_=-]{1,250}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();
}
