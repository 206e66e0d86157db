using ConversationBot.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Delivery;

/// <summary>Stops the host at start-up when a Delivery setting is out of range, naming each one.</summary>
public sealed class DeliveryOptionsValidation : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
