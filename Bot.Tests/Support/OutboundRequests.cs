using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// Every request the host sends through IHttpClientFactory (the Bot Framework connector, the Graph
/// API client), seen by a handler in front of each client. Requests to loopback go on to their
/// target (the fake channels); any other target never leaves the test: it is recorded and answered
/// here, as a channel would answer ({"id": ...}), so a test can show whether the bot tried to send.
/// </summary>
public sealed class OutboundRequests
{
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri)> _requests = new();

    public IReadOnlyList<(HttpMethod Method, Uri Uri)> All => [.. _requests];

    public IReadOnlyList<Uri> NotLoopback => [.. _requests.Select(r => r.Uri).Where(u => !u.IsLoopback)];

    /// <summary>Puts the recording handler in front of every client the host's IHttpClientFactory builds.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Recorder(this)));

    private sealed class Recorder(OutboundRequests requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests._requests.Enqueue((request.Method, request.RequestUri!));
            if (request.RequestUri!.IsLoopback)
            {
                return base.SendAsync(request, cancellationToken);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent($$"""{"id":"{{Guid.NewGuid()}}"}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
