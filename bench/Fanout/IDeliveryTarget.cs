namespace ConversationBot.Bench.Fanout;

/// <summary>What the driver sends to and counts at: the fake Send API or the Marketing Messages stand-in, in the driver's process.</summary>
internal interface IDeliveryTarget : IAsyncDisposable
{
    /// <summary>The Graph root the children are given (<c>--graph</c>).</summary>
    Uri BaseUrl { get; }

    /// <summary>The Meta campaign the raw baseline sends through (Marketing Messages only).</summary>
    string? RawCampaignId { get; }

    /// <summary>Messages taken in (accepted) since the last reset.</summary>
    long Requests { get; }

    /// <summary>Messages taken in per token since the last reset.</summary>
    IReadOnlyDictionary<string, int> PerToken { get; }

    /// <summary>Forgets what was taken in: each step is checked on its own.</summary>
    Task ResetAsync();
}
