using System.Globalization;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Products;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages;

/// <summary>
/// Meta's estimate beside a campaign preview (docs/marketing-messages.md, "Meta's estimate"): asked only when the preview
/// counts subscribers Marketing Messages would carry, for the campaign's budget (else the configured maximum). Meta
/// refusing, not answering in time (<c>Messenger:SendTimeout</c>) or answering without the figures gives an estimate
/// marked unavailable with the reason, never a failed preview.
/// </summary>
public sealed partial class MetaDeliveryEstimates(MarketingMessagesClient client, IOptions<MessengerOptions> options, ILogger<MetaDeliveryEstimates> logger)
{
    /// <summary><c>null</c> when the campaign would send nothing through Marketing Messages (nothing to estimate).</summary>
    public async Task<MarketingMessagesEstimate?> ForAsync(CampaignPreviewFigures figures, long? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var settings = options.Value.MarketingMessages;
        if (!settings.IsEnabled || figures.ByProduct?.GetValueOrDefault(nameof(MessengerProduct.MarketingMessages)) is not > 0)
        {
            return null;
        }

        var lifetime = budget ?? settings.MaxCampaignBudget!.Value;
        try
        {
            var (deliveredLower, deliveredUpper, costLower, costUpper) = await client.EstimateAsync(lifetime, cancellationToken).ConfigureAwait(false);
            return MarketingMessagesEstimate.Of(lifetime, deliveredLower, deliveredUpper, costLower, costUpper);
        }
        catch (MessengerSendException e)
        {
            LogUnavailable(logger, e.Message);
            return MarketingMessagesEstimate.NotGiven(lifetime, e.Code is null
                ? $"Meta's answer had no estimate: {e.Message}"
                : string.Create(CultureInfo.InvariantCulture, $"Meta refused the estimate (code {e.Code}, subcode {e.Subcode}): {e.GraphMessage}"));
        }
        catch (HttpRequestException e)
        {
            LogUnavailable(logger, e.Message);
            return MarketingMessagesEstimate.NotGiven(lifetime, "Meta's Graph API could not be reached.");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, e.Message);
            return MarketingMessagesEstimate.NotGiven(lifetime, "Meta's Graph API did not answer in time.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketing Messages: no delivery estimate from Meta for a campaign preview: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
