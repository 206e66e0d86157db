using ConversationBot.Dialogs.Shop;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>The shop's details: their declared requirements, and opening hours that say either when or that the shop is closed; named by full key.</summary>
public sealed class ShopOptionsValidation() : SettingsValidator<ShopOptions>(ShopOptions.SectionName)
{
    protected override IEnumerable<string> Problems(ShopOptions options)
    {
        for (var i = 0; i < options.OpeningHours.Count; i++)
        {
            var entry = options.OpeningHours[i];
            if (entry.Days.Count == 0)
            {
                yield return $"{Section}:OpeningHours:{i}:Days is missing: the days in each language";
            }

            if (entry.Closed != string.IsNullOrWhiteSpace(entry.Hours))
            {
                yield return $"{Section}:OpeningHours:{i} needs either Hours or \"Closed\": true";
            }
        }
    }
}
