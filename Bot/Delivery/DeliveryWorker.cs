using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

/// <summary>
/// The proactive delivery service: fires due schedules, then works each due campaign through the
/// <see cref="CampaignRunner"/>, one at a time, and sleeps until the next poll or a wake-up.
/// Several instances run it side by side: schedule firings and deliveries are created once, and every
/// instance takes work items of a running campaign. While a campaign runs the service looks again every
/// third of the item lease (not only every poll), so an item a dead instance held is taken over soon
/// after its lease runs out. On shutdown the sends in flight finish and are recorded; the rest of the
/// item is handed back at once for the other instances.
/// </summary>
public sealed partial class DeliveryWorker(
    ScheduleFirer schedules,
    ICampaignStore campaigns,
    CampaignRunner runner,
    DeliveryInstance instance,
    DeliverySignal signal,
    IOptions<DeliveryHostOptions> options,
    IOptions<DeliveryOptions> work,
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
            var wait = settings.PollInterval;
            try
            {
                wait = NextLookAfter(await WorkDueAsync(stoppingToken).ConfigureAwait(false), settings.PollInterval, work.Value.ItemLeaseDuration);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage must not end the service: log, wait, try again.
                LogPassFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(wakes, wait, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// How long to wait before the next pass: the poll, but while a campaign runs at most a third of the item
    /// lease, so an item whose owner died is taken within the lease and a third after the owner's last renewal.
    /// </summary>
    public static TimeSpan NextLookAfter(bool campaignRunning, TimeSpan pollInterval, TimeSpan itemLease) =>
        campaignRunning && itemLease / 3 < pollInterval ? itemLease / 3 : pollInterval;

    /// <summary>One pass: schedule firings, then every campaign due now; true when a campaign is still running after it.</summary>
    public async Task<bool> WorkDueAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        await schedules.FireDueAsync(now, stoppingToken).ConfigureAwait(false);
        var unfinished = await campaigns.ListUnfinishedAsync(now, DueBatch, stoppingToken).ConfigureAwait(false);
        var running = false;
        foreach (var campaign in unfinished)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return false;
            }

            // Still running after this pass also while another instance starts it (its short lease) or holds every item.
            var outcome = campaign.IsDueAt(now) ? await runner.RunAsync(campaign.Id, instance.Id, stoppingToken).ConfigureAwait(false) : CampaignRunOutcome.NotTaken;
            running |= outcome is not (CampaignRunOutcome.Completed or CampaignRunOutcome.Cancelled or CampaignRunOutcome.PutOff)
                && (campaign.Status == CampaignStatus.Running || campaign.IsDueAt(now));
        }

        return running;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery service started as {InstanceId}; polling every {PollInterval}")]
    private static partial void LogStarted(ILogger logger, string instanceId, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery service is off (Delivery:Enabled=false): this instance sends no campaigns")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery pass failed; trying again at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
