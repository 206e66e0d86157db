using System.Text;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

/// <summary>
/// Posts the stand-in's delivery webhooks when they fall due (checked every second of the host's clock),
/// signed with <c>Messenger:AppSecret</c> as Meta signs them (<see cref="MessengerSignature"/>), to
/// <c>Messenger:MarketingMessages:LocalGraph:WebhookUrl</c>. One that is refused is not retried: the
/// receiver must cope with a missing event as much as with a repeated one.
/// </summary>
public sealed partial class LocalGraphWebhookSender(
    LocalMarketingMessagesGraph graph,
    IHttpClientFactory httpClients,
    IOptions<MessengerOptions> options,
    TimeProvider clock,
    ILogger<LocalGraphWebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "LocalGraphWebhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.MarketingMessages.LocalGraph.Enabled || settings.MarketingMessages.LocalGraph.WebhookUrl is not { } target)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var body in graph.TakeDueWebhooks(clock.GetUtcNow()))
            {
                await PostAsync(target, body, settings.AppSecret ?? string.Empty, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One signed POST; what the receiver answered is logged, never thrown.</summary>
    public async Task PostAsync(Uri target, string body, string appSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        request.Headers.Add(MessengerSignature.HeaderName, MessengerSignature.Sign(bytes, appSecret));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
            }
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local Marketing Messages stand-in: the webhook receiver answered {StatusCode}")]
    private static partial void LogRefused(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local Marketing Messages stand-in: the webhook receiver could not be reached: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
