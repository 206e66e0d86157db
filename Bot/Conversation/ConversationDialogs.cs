using System.Globalization;
using ConversationBot.Dialogs.CustomerService;
using ConversationBot.Dialogs.Engine;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Dialogs.Shop;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The conversation's dialogs with their stack in conversation state: the welcome that starts them,
/// and a message's turn through the <see cref="DialogRunner"/> (interruptions, the pending question,
/// the menu). The stack is set back into state here; saving state is the bot's, once per turn.
/// </summary>
public sealed class ConversationDialogs
{
    private readonly IStatePropertyAccessor<DialogStack> _stack;
    private readonly DialogRunner _runner;
    private readonly ShopOptions _shop;

    public ConversationDialogs(ConversationState conversationState, DialogRunner runner, ShopOptions shop)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _stack = conversationState.CreateProperty<DialogStack>("dialogStack");
        _runner = runner;
        _shop = shop;
    }

    /// <summary>
    /// Welcomes the customers a conversationUpdate adds (not the bot itself) and opens the menu; a
    /// customer coming back while a person has the conversation is told the person will answer, and how
    /// to go back to the bot, instead of being welcomed by a bot that then keeps quiet.
    /// </summary>
    public async Task WelcomeAsync(ITurnContext turnContext, CultureInfo culture, Func<Task<bool>> handedOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handedOff);
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var newCustomers = (activity.MembersAdded ?? []).Where(member => member is not null && member.Id != activity.Recipient?.Id).ToList();
        if (newCustomers.Count == 0)
        {
            return;
        }

        if (await handedOff().ConfigureAwait(false))
        {
            await turnContext.SendActivityAsync(Texts.For(culture)[nameof(DialogStrings.Handoff_StillWaiting)], cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var welcome = ShopCards.Welcome(newCustomers[0].Name, _shop, culture);
        await turnContext.SendActivityAsync(MessageFactory.Attachment(welcome), cancellationToken).ConfigureAwait(false);
        var stack = await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await _runner.StartAsync(turnContext, stack, culture, cancellationToken).ConfigureAwait(false);
        await _stack.SetAsync(turnContext, stack, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A customer's message: the interruptions, then the pending question or the menu; while handed off, only what is honoured then.</summary>
    public async Task AnswerAsync(ITurnContext turnContext, CultureInfo culture, bool handedOff, CancellationToken cancellationToken)
    {
        var stack = await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await _runner.RunAsync(turnContext, stack, culture, handedOff, cancellationToken).ConfigureAwait(false);
        await _stack.SetAsync(turnContext, stack, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stack, or a new one when the stored one has another shape (<see cref="DialogStack.Version"/>).</summary>
    private async Task<DialogStack> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var stack = await _stack.GetAsync(turnContext, DialogStack.New, cancellationToken).ConfigureAwait(false);
        return stack.IsCurrent ? stack : DialogStack.New();
    }
}
