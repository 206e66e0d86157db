using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// The proactive delivery service: fires due schedules, then works each due campaign through the
/// <see cref="CampaignRunner"/>, one at a time, and sleeps until the next poll or a wake-up.
/// Several instances can run it side by side: schedule firings and deliveries are created once,
/// and a campaign's lease keeps it with one instance at a time. On shutdown the sends in flight
/// finish and are recorded; the rest of the page is handed back for the next start.
/// </summary>
public sealed partial class DeliveryWorker(
    ScheduleFirer schedules,
    ICampaignStore campaigns,
    CampaignRunner runner,
    DeliveryInstance instance,
    DeliverySignal signal,
    IOptions<DeliveryHostOptions> options,
    TimeProvider clock,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int DueBatch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        LogStarted(logger, instance.Id, settings.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Read before the pass: a campaign created during it wakes the next one at once.
            var wakes = signal.Wakes;
            try
            {
                await WorkDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage must not end the service: log, wait, try again.
                LogPassFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(wakes, settings.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass: schedule firings, then every campaign due now.</summary>
    public async Task WorkDueAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        await schedules.FireDueAsync(now, stoppingToken).ConfigureAwait(false);
        var due = await campaigns.ListUnfinishedAsync(now, DueBatch, stoppingToken).ConfigureAwait(false);
        foreach (var campaign in due.Where(c => c.IsDueAt(now)))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await runner.RunAsync(campaign.Id, instance.Id, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery service started as {InstanceId}; polling every {PollInterval}")]
    private static partial void LogStarted(ILogger logger, string instanceId, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery service is off (Delivery:Enabled=false): this instance sends no campaigns")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery pass failed; trying again at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
