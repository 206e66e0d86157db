using System.Globalization;
using ConversationBot.Bot.Storage;
using ConversationBot.Notifications.Products.Outcomes;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages;

/// <summary>
/// A campaign's Marketing Messages spend for its report (docs/marketing-messages.md, "Spend"), read from Meta's insights
/// when the report is asked for and shown again for <c>Messenger:MarketingMessages:InsightsCache</c> (a minute), so a
/// page refreshed does not call Meta each time, unless the deliveries the webhooks told us of have changed since: a
/// report that shows more delivered messages than its spend was read for would show a spend that is plainly behind. Meta refusing or not answering gives a spend marked unavailable with the
/// reason (kept as long, so an outage is not asked about on every refresh either); the rest of the report stands.
/// </summary>
public sealed partial class MetaCampaignSpend(
    MarketingMessagesClient client, IMarketingMessageOutcomeStore outcomes, IOptions<MessengerOptions> options, TimeProvider clock, ILogger<MetaCampaignSpend> logger)
{
    private readonly RememberedValues<string, (MarketingMessagesSpend Spend, long? Delivered)> _read = new(1000, StringComparer.Ordinal);

    /// <summary><c>null</c> when the campaign has no Meta campaign (it sent nothing through Marketing Messages) or the product is off.</summary>
    /// <param name="delivered">The messages the delivery webhooks say were delivered, as the same report shows them.</param>
    public async Task<MarketingMessagesSpend?> OfAsync(string campaignId, long? delivered, CancellationToken cancellationToken)
    {
        var settings = options.Value.MarketingMessages;
        if (!settings.IsEnabled || await outcomes.FindMetaCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false) is not { } metaCampaign)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (_read.TryGet(metaCampaign, out var known) && now - known.Spend.ReadAt < settings.InsightsCache && known.Delivered == delivered)
        {
            return known.Spend;
        }

        var spend = await ReadAsync(metaCampaign, now, cancellationToken).ConfigureAwait(false);
        _read.Remember(metaCampaign, (spend, delivered));
        return spend;
    }

    private async Task<MarketingMessagesSpend> ReadAsync(string metaCampaign, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var (delivered, spend, costPerDelivered) = await client.InsightsAsync(metaCampaign, cancellationToken).ConfigureAwait(false);
            return MarketingMessagesSpend.Of(spend, delivered, costPerDelivered, now);
        }
        catch (MessengerSendException e)
        {
            LogUnavailable(logger, metaCampaign, e.Message);
            return MarketingMessagesSpend.NotGiven(
                e.Code is null ? $"Meta's insights had no figures: {e.Message}" : string.Create(CultureInfo.InvariantCulture, $"Meta refused the insights (code {e.Code}, subcode {e.Subcode}): {e.GraphMessage}"),
                now);
        }
        catch (HttpRequestException e)
        {
            LogUnavailable(logger, metaCampaign, e.Message);
            return MarketingMessagesSpend.NotGiven("Meta's Graph API could not be reached.", now);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, metaCampaign, e.Message);
            return MarketingMessagesSpend.NotGiven("Meta's Graph API did not answer in time.", now);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketing Messages: no insights from Meta for message campaign {MetaCampaign}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string metaCampaign, string reason);
}
