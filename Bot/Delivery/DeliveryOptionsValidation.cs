using ConversationBot.Bot.Hosting;
using ConversationBot.Notifications.Delivery;

namespace ConversationBot.Bot.Delivery;

/// <summary>The domain's delivery settings: the rules <see cref="DeliveryOptions.Problems"/> states, each named by full key.</summary>
public sealed class DeliveryOptionsValidation() : SettingsValidator<DeliveryOptions>(DeliveryOptions.SectionName)
{
    protected override IEnumerable<string> Problems(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problems();
    }
}
