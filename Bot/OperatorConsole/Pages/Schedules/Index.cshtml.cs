using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Notifications.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Schedules;

/// <summary>
/// Each configured schedule (<c>Delivery:Schedules</c>): its next <see cref="Firings"/> firings in the
/// operator's time zone and in UTC, and the campaigns it created, newest first (found among the latest
/// <see cref="CampaignsScanned"/> campaigns: the campaign store is listed, not searched).
/// </summary>
public sealed class IndexModel(CampaignScheduleCatalog schedules, ICampaignStore campaigns, TimeProvider clock) : PageModel
{
    public const int Firings = 5;
    public const int CampaignsScanned = 500;
    public const int CampaignsShown = 10;

    /// <summary>The operator's IANA time zone (default UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Zone { get; set; }

    public TimeZoneInfo OperatorZone { get; private set; } = TimeZoneInfo.Utc;

    public string? ZoneProblem { get; private set; }

    public IReadOnlyList<(CampaignSchedule Schedule, IReadOnlyList<DateTimeOffset> Next, IReadOnlyList<Campaign> Created)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Zone))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(Zone.Trim(), out var zone))
            {
                OperatorZone = zone;
            }
            else
            {
                ZoneProblem = $"'{Zone}' is no time zone this server knows (an IANA name such as Europe/Zurich); times are shown in UTC.";
            }
        }

        var created = await CreatedBySchedulesAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        Rows = [.. schedules.All.Select(schedule => (
            schedule,
            (IReadOnlyList<DateTimeOffset>)NextFirings(schedule, now),
            (IReadOnlyList<Campaign>)[.. created.Where(c => c.ScheduleId == schedule.Id).Take(CampaignsShown)]))];
    }

    private static List<DateTimeOffset> NextFirings(CampaignSchedule schedule, DateTimeOffset now)
    {
        var firings = new List<DateTimeOffset>(Firings);
        var after = now;
        while (firings.Count < Firings && schedule.NextOccurrence(after) is { } next)
        {
            firings.Add(next);
            after = next;
        }

        return firings;
    }

    private async Task<List<Campaign>> CreatedBySchedulesAsync(CancellationToken cancellationToken)
    {
        var found = new List<Campaign>();
        string? continuation = null;
        var scanned = 0;
        do
        {
            var page = await campaigns.ListAsync(null, continuation, 100, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Campaigns.Where(c => c.ScheduleId is not null));
            scanned += page.Campaigns.Count;
            continuation = page.Continuation;
        }
        while (continuation is not null && scanned < CampaignsScanned);

        return found;
    }
}
