using ConversationBot.Dialogs.Orders;

namespace ConversationBot.Bot.Hosting.Settings;

/// <summary>The order number format: a valid regular expression that its example matches.</summary>
public sealed class OrderOptionsValidation() : SettingsValidator<OrderOptions>(OrderOptions.SectionName)
{
    protected override IEnumerable<string> Problems(OrderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.NumberPattern) || string.IsNullOrEmpty(options.ExampleNumber))
        {
            // The declared requirements say so already.
            yield break;
        }

        string? problem = null;
        try
        {
            _ = new OrderNumberFormat(options.NumberPattern, options.ExampleNumber);
        }
        catch (ArgumentException)
        {
            problem = $"{OrderOptions.SectionName}:{nameof(OrderOptions.NumberPattern)} must be a valid regular expression that {OrderOptions.SectionName}:{nameof(OrderOptions.ExampleNumber)} matches.";
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }
}
