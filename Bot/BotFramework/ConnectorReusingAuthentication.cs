using System.Security.Claims;
using ConversationBot.Bot.Security;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// Decorates the configured <see cref="BotFrameworkAuthentication"/> so that every connector
/// factory it hands out (for inbound turns and proactive sends alike) reuses clients from
/// <see cref="ConnectorClientCache"/>, and the per-turn user-token client is built only if used.
/// Authentication itself is unchanged; the factories refuse service URLs <see cref="ServiceUrlPolicy"/> does not allow.
/// </summary>
public sealed class ConnectorReusingAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache cache, ServiceUrlPolicy policy) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reuse(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reuse(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusingConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity), cache, policy);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    /// <summary>The bot's own app id for this turn: empty when authentication is off (the Emulator).</summary>
    private static string AppIdOf(ClaimsIdentity identity) =>
        identity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value
            ?? identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value
            ?? string.Empty;

    private AuthenticateRequestResult Reuse(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is not null)
        {
            result.ConnectorFactory = new ReusingConnectorFactory(result.ConnectorFactory, AppIdOf(result.ClaimsIdentity), cache, policy);
        }

        return result;
    }
}
