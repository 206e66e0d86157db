using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Delivery;

/// <summary>The host's delivery settings: positive intervals, a send rate of 0 (unlimited) or more.</summary>
public sealed class DeliveryHostOptionsValidation() : SettingsValidator<DeliveryHostOptions>(DeliveryHostOptions.SectionName)
{
    protected override IEnumerable<string> Problems(DeliveryHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, value) in new[] { (nameof(DeliveryHostOptions.PollInterval), options.PollInterval), (nameof(DeliveryHostOptions.MissedFiringGrace), options.MissedFiringGrace) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{DeliveryHostOptions.SectionName}:{name} must be positive";
            }
        }

        if (options.MessengerSendsPerSecond < 0)
        {
            yield return $"{DeliveryHostOptions.SectionName}:{nameof(DeliveryHostOptions.MessengerSendsPerSecond)} must be 0 (unlimited) or positive";
        }
    }
}
