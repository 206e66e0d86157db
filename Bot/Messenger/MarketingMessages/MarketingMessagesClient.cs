using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationBot.Notifications.Errors;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Products.Unsubscribes;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.MarketingMessages;

/// <summary>
/// Meta's Marketing Messages endpoints (docs/marketing-messages.md §3): find a message campaign by name,
/// create one, send one subscriber. The access token goes in the Authorization header, as Meta's guides
/// write it; it is never logged. A refusal is thrown as <see cref="MessengerSendException"/> with
/// Meta's error (and <c>error_data.remaining_seconds</c>), marked as a Marketing Messages call.
/// </summary>
public sealed class MarketingMessagesClient(IHttpClientFactory httpClients, IOptions<MessengerOptions> options)
{
    public const string HttpClientName = "MarketingMessages";

    private MarketingMessagesOptions Settings => options.Value.MarketingMessages;

    /// <summary>The id of the ad account's message campaign named <paramref name="name"/>; <c>null</c> when there is none.</summary>
    public async Task<string?> FindCampaignAsync(string name, CancellationToken cancellationToken)
    {
        var url = Url($"{Settings.AdAccountPath}/ads?fields=id,campaign{{name,is_direct_send_campaign,is_message_campaign}}&limit=1000");
        var answer = await SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        return (answer["data"] as JsonArray)?
            .OfType<JsonObject>()
            .Where(ad => (ad["campaign"] as JsonObject)?["name"]?.GetValue<string>() == name)
            .Select(ad => Text(ad["id"]))
            .Where(id => id is not null)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary><c>POST act_&lt;id&gt;/message_campaign</c>: a direct-send campaign with a lifetime budget; its id.</summary>
    public async Task<string> CreateCampaignAsync(string name, string pageId, long lifetimeBudget, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["page_id"] = long.TryParse(pageId, CultureInfo.InvariantCulture, out var page) ? page : pageId,
            ["lifetime_budget"] = lifetimeBudget,
        };
        var answer = await SendAsync(HttpMethod.Post, Url($"{Settings.AdAccountPath}/message_campaign"), body, cancellationToken).ConfigureAwait(false);
        return Text(answer["id"]) ?? throw new MessengerSendException("Meta created a message campaign but named no id.");
    }

    /// <summary>
    /// <c>GET act_&lt;id&gt;/message_delivery_estimate</c> for a direct-send campaign on the Page with <paramref name="lifetimeBudget"/>:
    /// the delivery and cost bounds (costs in minor units). Meta documents the fields, not the answer's shape: they are read
    /// from <c>data[0]</c> or the answer itself, as numbers or strings. An answer without them is thrown.
    /// </summary>
    public async Task<(long DeliveredLower, long DeliveredUpper, long CostLower, long CostUpper)> EstimateAsync(long lifetimeBudget, CancellationToken cancellationToken)
    {
        var query = string.Join('&', new Dictionary<string, string>
        {
            ["lifetime_budget"] = lifetimeBudget.ToString(CultureInfo.InvariantCulture),
            ["pacing_type"] = "no_pacing",
            ["is_direct_send_campaign"] = "true",
            ["promoted_object"] = new JsonObject { ["page_id"] = options.Value.PageId }.ToJsonString(),
            ["targeting_spec"] = """{"publisher_platforms":["messenger"],"messenger_positions":["marketing_messages"]}""",
            ["fields"] = "estimate_delivery_upper_bound,estimate_delivery_lower_bound,estimate_cost_upper_bound,estimate_cost_lower_bound",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var answer = await SendAsync(HttpMethod.Get, Url($"{Settings.AdAccountPath}/message_delivery_estimate?{query}"), null, cancellationToken).ConfigureAwait(false);
        var row = (answer["data"] as JsonArray)?.FirstOrDefault() as JsonObject ?? answer;
        long Bound(string name) => row[name] is JsonValue value && long.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new MessengerSendException($"Meta's delivery estimate has no whole number {name}.");
        return (Bound("estimate_delivery_lower_bound"), Bound("estimate_delivery_upper_bound"), Bound("estimate_cost_lower_bound"), Bound("estimate_cost_upper_bound"));
    }

    /// <summary>
    /// <c>GET /&lt;message campaign id&gt;/insights</c>: Meta's delivered count, spend and cost per delivered message, from
    /// <c>data[0]</c> (strings, as Meta writes insights; numbers read too). No row yet means nothing delivered or spent.
    /// </summary>
    public async Task<(long Delivered, decimal Spend, decimal? CostPerDelivered)> InsightsAsync(string metaCampaignId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metaCampaignId);
        var url = Url($"{Uri.EscapeDataString(metaCampaignId)}/insights?fields=marketing_messages_delivered,marketing_messages_spend,marketing_messages_cost_per_delivered");
        var answer = await SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        if (answer["data"] is not JsonArray rows)
        {
            throw new MessengerSendException("Meta's insights answer has no data.");
        }

        if (rows.FirstOrDefault() is not JsonObject row)
        {
            return (0, 0m, null);
        }

        decimal? Figure(string name) => row[name] is JsonValue value && decimal.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        return ((long)(Figure("marketing_messages_delivered") ?? 0m), Figure("marketing_messages_spend") ?? 0m, Figure("marketing_messages_cost_per_delivered"));
    }

    /// <summary><c>POST /&lt;message campaign id&gt;</c> with a new <c>lifetime_budget</c> (minor units): Meta lets a campaign held for its spent budget send again.</summary>
    public async Task UpdateLifetimeBudgetAsync(string metaCampaignId, long lifetimeBudget, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metaCampaignId);
        await SendAsync(HttpMethod.Post, Url(Uri.EscapeDataString(metaCampaignId)), new JsonObject { ["lifetime_budget"] = lifetimeBudget }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST act_&lt;id&gt;/messages</c>: one subscriber; the <c>marketing_message_tracking_id</c> of the accepted send.</summary>
    public async Task<string?> SendAsync(string campaignId, string subscriptionToken, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject
        {
            ["message_id"] = campaignId,
            ["messenger_delivery_data"] = new JsonObject { ["subscription_token"] = subscriptionToken },
            ["message"] = message.DeepClone(),
        };
        if (Settings.MinConversationGapSeconds is { } gap)
        {
            body["min_conversation_gap_seconds"] = gap;
        }

        var answer = await SendAsync(HttpMethod.Post, Url($"{Settings.AdAccountPath}/messages"), body, cancellationToken).ConfigureAwait(false);
        return Text(answer["marketing_message_tracking_id"]);
    }

    /// <summary>
    /// <c>POST /&lt;PAGE_ID&gt;/messaging_customer_base/unsubscribe</c> with one row of one identifier
    /// (docs/marketing-messages.md, "Stop and erasure reach Meta"), with the Page access token as Meta's page on
    /// it says; Meta's <c>invalid_rows_count</c> (a row it could not use).
    /// </summary>
    public async Task<int> UnsubscribeAsync(MetaUnsubscribeIdentifier identifier, string value, CancellationToken cancellationToken)
    {
        var row = new JsonObject { [identifier == MetaUnsubscribeIdentifier.Psid ? "psid" : "subscriber_token"] = value };
        var answer = await SendAsync(
            HttpMethod.Post,
            Url($"{options.Value.PageId}/messaging_customer_base/unsubscribe"),
            new JsonObject { ["data"] = new JsonArray(row) },
            cancellationToken,
            options.Value.PageAccessToken).ConfigureAwait(false);
        return answer["invalid_rows_count"] is JsonValue count && int.TryParse(count.ToJsonString().Trim('"'), CultureInfo.InvariantCulture, out var invalid)
            ? invalid
            : throw new MessengerSendException("Meta answered the unsubscribe without invalid_rows_count.");
    }

    private Uri Url(string path) => new($"{Settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{Settings.GraphApiVersion}/{path}");

    private async Task<JsonObject> SendAsync(HttpMethod method, Uri url, JsonObject? body, CancellationToken cancellationToken, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken ?? Settings.AccessToken);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var failure = MessengerSendClient.ReadError(response.StatusCode, text);
            throw new MessengerSendException(failure.Message, failure.Error with { Product = MessengerProduct.MarketingMessages });
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString() : null;
}
