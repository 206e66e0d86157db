using ConversationBot.Notifications.Consent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Customers;

/// <summary>
/// Stops a customer's subscription on their behalf (role Customers.Manage), through the one consent
/// service, so it counts as a stop everywhere (stop-rate guard, funnel) and no campaign reaches them
/// after it. On Messenger this stops our sends; the person's own setting in Messenger is theirs.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.CustomersPolicy)]
public sealed partial class StopModel(ConsentService consent, TimeProvider clock, ILogger<StopModel> logger) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Customers/Index");

    public async Task<IActionResult> OnPostAsync(string? channel, string? customer, string? topic, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(channel) || string.IsNullOrWhiteSpace(customer) || string.IsNullOrWhiteSpace(topic))
        {
            return BadRequest();
        }

        var outcomes = await consent.StopByCustomerAsync(channel, customer, topic, clock.GetUtcNow(), cancellationToken, ConsentReasons.OperatorStop).ConfigureAwait(false);
        LogStopped(logger, topic, channel, outcomes.Count);
        return RedirectToPage("/Customers/Index", new { channel, customer, stopped = outcomes.Count == 0 ? $"Nothing to stop for {topic}." : $"Stopped {topic}." });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Console: an operator stopped topic {TopicId} of a {ChannelId} customer ({Count} subscription(s))")]
    private static partial void LogStopped(ILogger logger, string topicId, string channelId, int count);
}
