using System.Globalization;
using ConversationBot.Bot.Admin;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The campaign composer's form (Pages/Campaigns/New.cshtml): a text per language the bot speaks, one
/// image and up to three buttons for every version, when, and which subscribers. It becomes the same
/// request the admin API reads (<see cref="CampaignRequest"/>), so the console and the API check and
/// create campaigns by one set of rules (Bot/Admin/CampaignDraftReader.cs).
/// </summary>
public sealed class ComposerForm
{
    public const int ButtonCount = 3;

    public string? Topic { get; set; }

    /// <summary>The text per language code; a language left empty has no version of its own.</summary>
    public Dictionary<string, string?> Text { get; set; } = [];

    public string? DefaultLanguage { get; set; }

    public string? ImageUrl { get; set; }

    public List<string?> ButtonTitles { get; set; } = [];

    public List<string?> ButtonPayloads { get; set; } = [];

    /// <summary><c>now</c>, <c>at</c> (<see cref="SendAtUtc"/>) or <c>local</c> (<see cref="LocalTime"/>).</summary>
    public string When { get; set; } = "now";

    /// <summary>A UTC instant from the form's <c>datetime-local</c> field (yyyy-MM-ddTHH:mm).</summary>
    public string? SendAtUtc { get; set; }

    public string? LocalTime { get; set; }

    public bool IgnoreQuietHours { get; set; }

    /// <summary>Only subscribers who speak these languages; none ticked: everyone.</summary>
    public List<string> Languages { get; set; } = [];

    public CampaignRequest ToRequest(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var buttons = Enumerable.Range(0, ButtonCount)
            .Select(i => (Title: ButtonTitles.ElementAtOrDefault(i), Payload: ButtonPayloads.ElementAtOrDefault(i)))
            .Where(b => !string.IsNullOrWhiteSpace(b.Title) || !string.IsNullOrWhiteSpace(b.Payload))
            .Select(b => new CampaignButtonRequest(b.Title?.Trim(), b.Payload?.Trim()))
            .ToList();
        var image = string.IsNullOrWhiteSpace(ImageUrl) ? null : ImageUrl.Trim();
        var content = Text.Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key, t => (CampaignContentRequest?)new CampaignContentRequest(t.Value!.Trim(), image, buttons), StringComparer.Ordinal);
        if (content.Count == 0)
        {
            problems.Add("Write the message in at least one language.");
        }

        DateTimeOffset? sendAt = null;
        if (When == "at")
        {
            if (DateTime.TryParseExact(SendAtUtc, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                sendAt = new DateTimeOffset(at, TimeSpan.Zero);
            }
            else
            {
                problems.Add("Give the time to send at, in UTC.");
            }
        }

        return new CampaignRequest(
            Topic,
            null,
            null,
            null,
            sendAt,
            null,
            content,
            string.IsNullOrWhiteSpace(DefaultLanguage) ? null : DefaultLanguage,
            Languages.Count == 0 ? null : new CampaignSegmentRequest(Languages, null, null, null),
            When == "local" ? LocalTime?.Trim() : null,
            null,
            IgnoreQuietHours);
    }
}
