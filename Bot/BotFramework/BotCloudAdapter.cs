using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// The Bot Framework adapter of the host. One constructor (the stock CloudAdapter has two, which
/// the DI container finds ambiguous), an error handler that apologises in the customer's language,
/// and an entry point for activities the endpoint has already read and validated.
/// </summary>
public sealed partial class BotCloudAdapter : CloudAdapter
{
    public BotCloudAdapter(BotFrameworkAuthentication authentication, IOptions<BotOptions> options, ILogger<BotCloudAdapter> logger)
        : base(authentication, logger)
    {
        var fallback = options.Value.FallbackCulture;
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception, turnContext.Activity?.Type, turnContext.Activity?.ChannelId, turnContext.Activity?.Conversation?.Id);
            if (turnContext.Activity?.Type != ActivityTypes.Message)
            {
                return;
            }

            // The turn's state changes are not saved (the bot saves only after a turn succeeds), so
            // the conversation continues from where it was before this message.
            var texts = Texts.For(Conversation.TurnCulture.Of(turnContext, fallback));
            try
            {
                await turnContext.SendActivityAsync(texts[nameof(DialogStrings.Error_Apology)]).ConfigureAwait(false);
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                LogApologyFailed(logger, sendFailure, turnContext.Activity.Conversation?.Id);
            }
        };
    }

    /// <summary>Runs a turn for an activity read by <see cref="Endpoints.ActivityReader"/>; throws <see cref="UnauthorizedAccessException"/> when the caller is not authenticated.</summary>
    public async Task<InvokeResponse> ProcessAsync(string? authHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            // The SDK parses the bearer token before validating it: a malformed token throws
            // (SecurityTokenMalformedException is an ArgumentException) instead of failing authentication.
            throw new UnauthorizedAccessException("The bearer token is malformed.", ex);
        }

        return await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity on {ChannelId} in conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology to conversation {ConversationId}")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string? conversationId);
}
