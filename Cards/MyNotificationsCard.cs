using System.Globalization;
using System.Text.Json.Nodes;
using ConversationBot.Cards.Resources;
using ConversationBot.Notifications.Periods;
using static ConversationBot.Cards.CardElements;

namespace ConversationBot.Cards;

/// <summary>
/// The customer's subscriptions, one block each, with a Stop or Resume button per block so the
/// customer can change one topic without typing its name.
/// </summary>
public static class MyNotificationsCard
{
    // Not a label: the same in every language, so it lives here rather than in CardStrings.
    private const string NoDate = "–";

    public static JsonObject Build(MyNotificationsCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(model.Subscriptions);
        foreach (var line in model.Subscriptions)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(model));
            ArgumentException.ThrowIfNullOrWhiteSpace(line.TopicId, nameof(model));
            ArgumentException.ThrowIfNullOrWhiteSpace(line.Title, nameof(model));
        }

        var body = new JsonArray
        {
            TextBlock(CardStrings.Get("Notifications_Title", culture), size: "Medium", weight: "Bolder"),
        };

        if (model.Subscriptions.Count == 0)
        {
            body.Add(TextBlock(CardStrings.Get("Notifications_None", culture), subtle: true));
        }

        foreach (var line in model.Subscriptions)
        {
            body.Add(Block(line, model.AsOf, culture));
        }

        return AdaptiveCard.Create(body);
    }

    private static JsonObject Block(SubscriptionLine line, DateTimeOffset now, CultureInfo culture)
    {
        var heading = ColumnSet(
            [
                Column("stretch", TextBlock(line.Title.Trim(), weight: "Bolder")),
                Column("auto", TextBlock(
                    CardStrings.Get(line.IsStopped ? "Notifications_Stopped" : "Notifications_Active", culture),
                    weight: "Bolder",
                    color: line.IsStopped ? null : "Good",
                    subtle: line.IsStopped,
                    align: "Right")),
            ]);

        var zone = SubscriberTimeZone.Resolve(line.TimeZoneId);
        var facts = new List<(string, string)>
        {
            (CardStrings.Get("Notifications_Frequency", culture), FrequencyLabel.For(line.Frequency, culture)),
            (CardStrings.Get("Notifications_NextPossible", culture), line.NextPossibleAt switch
            {
                null => NoDate,
                { } next when next <= now => CardStrings.Get("Notifications_Now", culture),
                { } next => InZone(next, zone, now, culture),
            }),
        };
        if (line.ExpiresAt is { } expires)
        {
            facts.Add((CardStrings.Get("Notifications_Expires", culture), InZone(expires, zone, now, culture)));
        }

        // The button sits in the block it changes: a card-level "Stop" could not say which topic.
        var button = line.IsStopped
            ? Submit(CardStrings.Get("Notifications_Resume", culture), Command(NotificationsSubmission.Resume, line.TopicId))
            : Submit(CardStrings.Get("Notifications_Stop", culture), Command(NotificationsSubmission.Stop, line.TopicId));

        return Container([heading, FactSet(facts, spacing: "Small"), ActionSet(button)], spacing: "Medium", separator: true);
    }

    private static JsonObject Command(string command, string topicId) => new()
    {
        [NotificationsSubmission.Field] = command,
        [NotificationsSubmission.TopicField] = topicId,
    };

    /// <summary>
    /// Date and time where the subscriber lives, with the zone named the way people say it ("Berlin
    /// time", "Ortszeit Berlin"), because "9:00" alone is ambiguous to someone who travels and to the
    /// agent reading the transcript; a raw id such as "(Europe/London)" is what a customer saw in Web
    /// Chat (issue 17). The year is left out while it is this year.
    /// </summary>
    private static string InZone(DateTimeOffset at, TimeZoneInfo zone, DateTimeOffset now, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var date = local.Year == TimeZoneInfo.ConvertTime(now, zone).Year
            ? local.ToString("dddd, " + culture.DateTimeFormat.MonthDayPattern, culture)
            : local.ToString("D", culture);
        return CardStrings.Format("Notifications_DateTimeInZone", culture, date, local.ToString("t", culture), ZoneLabel(zone, culture));
    }

    /// <summary>
    /// "Berlin time" for Europe/Berlin, "New York time" for America/New_York; UTC with its offset for
    /// zones without a place (Etc/GMT+5), and plain UTC for an unknown id (SubscriberTimeZone falls
    /// back to UTC: name what was used, not what was asked for).
    /// </summary>
    private static string ZoneLabel(TimeZoneInfo zone, CultureInfo culture)
    {
        var slash = zone.Id.LastIndexOf('/');
        if (zone == TimeZoneInfo.Utc || slash < 0 || zone.Id.StartsWith("Etc/", StringComparison.Ordinal))
        {
            var offset = zone.BaseUtcOffset;
            return offset == TimeSpan.Zero
                ? "UTC"
                : "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        }

        return CardStrings.Format("Notifications_ZoneLabel", culture, zone.Id[(slash + 1)..].Replace('_', ' '));
    }
}
