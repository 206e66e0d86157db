using Microsoft.Bot.Builder;

namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// What a channel does when a hand-off opens or ends inside a customer's turn. Most channels nothing:
/// the bot keeps the conversation and stays silent. Messenger with the Page Inbox as the desk passes the
/// thread to the inbox when it opens and takes it back when it ends (Bot/Messenger/Handover/).
/// </summary>
public interface IHandoffChannel
{
    /// <summary>After the customer was told a person takes over (the last thing the bot says for now).</summary>
    Task OpenedAsync(ITurnContext turnContext, Handoff handoff, CancellationToken cancellationToken);

    /// <summary>Before the bot says it is back: a hand-off ended by the customer ("back to the bot") or its time-out.</summary>
    Task ReleasedAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>The channels that need nothing: the bot keeps the conversation.</summary>
public sealed class KeepConversationHandoffChannel : IHandoffChannel
{
    public Task OpenedAsync(ITurnContext turnContext, Handoff handoff, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleasedAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
