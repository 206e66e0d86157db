using System.Text.Json;
using ConversationBot.Dialogs.Handoff;
using ConversationBot.Notifications.Customers;
using ConversationBot.Notifications.Subscriptions;
using Microsoft.Bot.Builder;

namespace ConversationBot.Bot.Customers;

/// <summary>
/// A customer's Bot Framework state (dialog stack, language): the conversation state of every conversation
/// the bot can tie to them, and the user state key. On Messenger the conversation is the person
/// (Bot/Messenger/MessengerActivityFactory.cs); elsewhere the bot knows a customer's conversations from their
/// subscriptions (the conversation reference delivery continues) and their hand-offs. A conversation it
/// cannot tie to them expires after <c>Storage:ConversationStateIdleTime</c> untouched (docs/security.md).
/// Registered first, because it reads the stores the others erase.
/// </summary>
public sealed class ConversationStateRecords(IStorage storage, ISubscriptionStore subscriptions, IHandoffStore handoffs) : ICustomerRecords
{
    public string Name => "conversation state";

    public async Task<long> CountAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(customer, cancellationToken).ConfigureAwait(false);
        var stored = await storage.ReadAsync([.. keys], cancellationToken).ConfigureAwait(false);
        return stored.Count;
    }

    public async Task<long> EraseAsync(CustomerKey customer, string pseudonym, CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(customer, cancellationToken).ConfigureAwait(false);
        var stored = await storage.ReadAsync([.. keys], cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            await storage.DeleteAsync([.. stored.Keys], cancellationToken).ConfigureAwait(false);
        }

        return stored.Count;
    }

    private async Task<HashSet<string>> KeysAsync(CustomerKey customer, CancellationToken cancellationToken)
    {
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        if (ChannelIds.IsMessenger(customer.ChannelId))
        {
            conversations.Add(customer.CustomerId);
        }

        foreach (var subscription in await subscriptions.ListByCustomerAsync(customer.ChannelId, customer.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            if (ConversationIdOf(subscription.ConversationReference) is { } conversation)
            {
                conversations.Add(conversation);
            }
        }

        foreach (var handoff in await handoffs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (handoff.CustomerId == customer.CustomerId && string.Equals(handoff.ChannelId, customer.ChannelId, StringComparison.OrdinalIgnoreCase))
            {
                conversations.Add(handoff.ConversationId);
            }
        }

        // The stock keys of ConversationState and UserState (Microsoft.Bot.Builder: "{channel}/conversations/{id}", "{channel}/users/{id}").
        var keys = new HashSet<string>(conversations.Select(c => $"{customer.ChannelId}/conversations/{c}"), StringComparer.Ordinal)
        {
            $"{customer.ChannelId}/users/{customer.CustomerId}",
        };
        return keys;
    }

    /// <summary>The conversation id in a stored conversation reference (Bot Framework's JSON); null when it has none or is not JSON.</summary>
    private static string? ConversationIdOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(reference);
            return json.RootElement.TryGetProperty("conversation", out var conversation)
                && conversation.ValueKind == JsonValueKind.Object
                && conversation.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
