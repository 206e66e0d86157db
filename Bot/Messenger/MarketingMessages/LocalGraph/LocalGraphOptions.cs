namespace ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

/// <summary>
/// <c>Messenger:MarketingMessages:LocalGraph</c>: a stand-in for Meta's Marketing Messages endpoints,
/// served by this host in Development only, so a campaign runs end to end on one machine
/// (docs/marketing-messages.md, "The local stand-in"). It enforces what Meta enforces and charges a
/// pretend price per delivered message; nothing leaves the machine.
/// </summary>
public sealed class LocalGraphOptions
{
    public const string SectionName = "LocalGraph";

    /// <summary>Serve the stand-in at <c>/local-graph</c> (Development only; the host refuses to start with it elsewhere).</summary>
    public bool Enabled { get; init; }

    /// <summary>Where its delivery webhooks are posted, signed with <c>Messenger:AppSecret</c>; only a loopback address is accepted.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>
    /// How long a new campaign refuses sends (2300003). Meta's is about an hour, the default; a newcomer trying a
    /// campaign on one machine may shorten it (docs/marketing-messages.md, "The local stand-in").
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The pretend price of one delivered message, in the ad account currency's minor unit.</summary>
    public long PricePerDelivered { get; init; } = 1;

    /// <summary>Marketing messages one person may get per UTC day before the daily cap (2300043) refuses more.</summary>
    public int DailyCapPerPerson { get; init; } = 1;

    /// <summary>Tokens whose name starts with one of these are in AU, EU, JP, KR or UK: Marketing Messages refuses them (2300032).</summary>
    public string[] FiveRegionTokenPrefixes { get; init; } = ["eu-", "uk-", "au-", "jp-", "kr-"];

    /// <summary>The longest delay of a delivery webhook after the send (each is drawn between zero and this).</summary>
    public TimeSpan MaxWebhookDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The share of webhooks sent twice, 0 to 1.</summary>
    public double DuplicateShare { get; init; } = 0.1;

    /// <summary>The share of accepted messages Meta drops afterwards (a <c>marketing_message_delivery_failed</c> webhook instead of a delivery), 0 to 1.</summary>
    public double FailedShare { get; init; } = 0.05;

    /// <summary>The seed of its random choices, so a run can be repeated.</summary>
    public int Seed { get; init; } = 23;
}
