using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Tests.Storage.Cosmos;

/// <summary>
/// Test code only: a host's way to the Cosmos DB test server that a test can cut. After
/// <see cref="Cut"/> every request fails before it leaves the client, so the host writes nothing more:
/// no outcome, no lease renewal. To the store and to the other instances that is a dead instance, which a
/// host in the test's own process cannot otherwise be (the test server's workarounds are a handler only
/// an in-process client can have).
/// </summary>
public sealed class CosmosStoreCut : RequestHandler
{
    private volatile bool _cut;

    public void Cut() => _cut = true;

    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken) =>
        _cut ? throw new HttpRequestException("the instance is cut off from the store") : base.SendAsync(request, cancellationToken);
}
