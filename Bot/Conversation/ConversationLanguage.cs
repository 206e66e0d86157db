using System.Globalization;
using ConversationBot.Bot.BotFramework;
using ConversationBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Conversation;

/// <summary>
/// The language a conversation is held in, kept in its state and decided by what the customer writes:
/// the locale of a typed message (reduced to a supported culture) sets it; a card's submit or any
/// other activity keeps it, because clients send those with a locale of their own (the Agents
/// Playground sends every card click as en-US). A conversation with no language yet uses the
/// activity's locale, else the configured fallback. The turn's culture (<see cref="TurnCulture"/>) is
/// this language, so replies, prompts and the adapters' apology all speak it.
/// </summary>
public sealed class ConversationLanguage
{
    private readonly IStatePropertyAccessor<string?> _language;
    private readonly CultureInfo _fallback;

    public ConversationLanguage(ConversationState conversationState, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(options);
        _language = conversationState.CreateProperty<string?>("language");
        _fallback = options.Value.FallbackCulture;
    }

    public async Task<CultureInfo> ResolveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var kept = await _language.GetAsync(turnContext, () => null, cancellationToken).ConfigureAwait(false);
        var typedWithLocale = IsTyped(activity) && !string.IsNullOrWhiteSpace(activity.Locale);
        var culture = SupportedCultures.Resolve(typedWithLocale || kept is null ? activity.Locale : kept, _fallback);

        // Kept from now on: what the customer typed, or the first language a conversation gets.
        if ((typedWithLocale || kept is null)
            && activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate
            && !string.Equals(kept, culture.Name, StringComparison.Ordinal))
        {
            await _language.SetAsync(turnContext, culture.Name, cancellationToken).ConfigureAwait(false);
        }

        return TurnCulture.Use(turnContext, culture);
    }

    /// <summary>Words the customer wrote (or a suggested action, which sends its words): not a card's submit data.</summary>
    private static bool IsTyped(IActivity activity) =>
        activity.Type == ActivityTypes.Message && activity.AsMessageActivity() is { } message && !string.IsNullOrWhiteSpace(message.Text) && message.Value is null;
}
