namespace ConversationBot.Notifications.Delivery;

/// <summary>
/// A campaign's preview in numbers: the segment's size (<see cref="Audience"/>), how many may get it at
/// <see cref="EvaluatedAt"/> and how many not, by reason with each reason's earliest next-eligible
/// instant, and the audience per language and per channel. <see cref="ByProduct"/>: who may get it now, by
/// the product that would carry it (<c>RecurringNotifications</c>, <c>MarketingMessages</c>, <c>Channel</c> off
/// Messenger), and under <c>Neither</c> the Messenger subscribers no product serves (the costs differ: only
/// Marketing Messages is paid; docs/marketing-messages.md). <see cref="OnlyMarketingMessages"/>: subscribers of the segment
/// (due now or later) whom only Marketing Messages could reach while it is not configured, whatever else keeps them from it now.
/// </summary>
public sealed record CampaignPreviewFigures(
    DateTimeOffset EvaluatedAt,
    long Audience,
    long Eligible,
    long NotEligible,
    IReadOnlyList<CampaignPreviewReason> Reasons,
    DateTimeOffset? EarliestNextEligibleAt,
    IReadOnlyDictionary<string, long> ByLanguage,
    IReadOnlyDictionary<string, long> ByChannel,
    IReadOnlyDictionary<string, long>? ByProduct = null,
    long OnlyMarketingMessages = 0)
{
    /// <summary>The <see cref="ByProduct"/> key of subscribers whom no product serves.</summary>
    public const string Neither = "Neither";

    /// <summary>The <see cref="ByProduct"/> key of subscribers on other channels (no Messenger product).</summary>
    public const string Channel = "Channel";

    /// <summary>Collects the figures subscriber by subscriber.</summary>
    public sealed class Builder(DateTimeOffset evaluatedAt)
    {
        private readonly SortedDictionary<string, (long Count, DateTimeOffset? Next)> _reasons = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, long> _languages = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, long> _channels = new(StringComparer.OrdinalIgnoreCase);
        private readonly SortedDictionary<string, long> _products = new(StringComparer.Ordinal);
        private long _eligible;
        private long _onlyMarketingMessages;

        public void OnlyMarketingMessagesCouldServe() => _onlyMarketingMessages++;

        /// <param name="product">The product that would carry it: a <see cref="Products.MessengerProduct"/> name, or <see cref="Channel"/>.</param>
        public void Eligible(string language, string channelId, string product = Channel)
        {
            Count(language, channelId);
            _products[product] = _products.GetValueOrDefault(product) + 1;
            _eligible++;
        }

        public void NotEligible(string language, string channelId, string reason, DateTimeOffset? nextEligibleAt)
        {
            Count(language, channelId);
            if (reason == nameof(Eligibility.NotEligibleReason.NoProductServesRegion))
            {
                _products[Neither] = _products.GetValueOrDefault(Neither) + 1;
            }

            var (count, next) = _reasons.GetValueOrDefault(reason);
            _reasons[reason] = (count + 1, Earliest(next, nextEligibleAt));
        }

        public CampaignPreviewFigures Build()
        {
            var reasons = _reasons.Select(r => new CampaignPreviewReason(r.Key, r.Value.Count, r.Value.Next)).ToList();
            var notEligible = reasons.Sum(r => r.Count);
            return new CampaignPreviewFigures(
                evaluatedAt,
                _eligible + notEligible,
                _eligible,
                notEligible,
                reasons,
                reasons.Aggregate((DateTimeOffset?)null, (earliest, r) => Earliest(earliest, r.EarliestNextEligibleAt)),
                new Dictionary<string, long>(_languages, StringComparer.Ordinal),
                new Dictionary<string, long>(_channels, StringComparer.OrdinalIgnoreCase),
                new Dictionary<string, long>(_products, StringComparer.Ordinal),
                _onlyMarketingMessages);
        }

        private void Count(string language, string channelId)
        {
            _languages[language] = _languages.GetValueOrDefault(language) + 1;
            _channels[channelId] = _channels.GetValueOrDefault(channelId) + 1;
        }

        private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
            a is null ? b : b is null ? a : a < b ? a : b;
    }
}
