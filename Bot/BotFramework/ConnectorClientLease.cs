using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace ConversationBot.Bot.BotFramework;

/// <summary>
/// A shared connector client handed to one turn. The adapter disposes what its factory returns at
/// the end of every turn; disposing the lease does nothing, so the shared client lives on for the
/// next turn, and only <see cref="ConnectorClientCache"/> disposes it.
/// </summary>
internal sealed class ConnectorClientLease(IConnectorClient shared) : IConnectorClient
{
    public Uri BaseUri
    {
        get => shared.BaseUri;
        set => throw new InvalidOperationException("A shared connector client's service URL cannot change.");
    }

    public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

    public ServiceClientCredentials Credentials => shared.Credentials;

    public IAttachments Attachments => shared.Attachments;

    public IConversations Conversations => shared.Conversations;

    public void Dispose()
    {
        // Owned by the cache.
    }
}
