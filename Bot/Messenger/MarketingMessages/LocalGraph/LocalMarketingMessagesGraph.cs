using System.Globalization;
using System.Text.Json.Nodes;

namespace ConversationBot.Bot.Messenger.MarketingMessages.LocalGraph;

/// <summary>
/// The rules of Meta's Marketing Messages endpoints (docs/marketing-messages.md §1-§4), kept in memory:
/// a campaign accepts sends only an hour (<see cref="LocalGraphOptions.WarmUp"/>) after it was created (2300003 with <c>remaining_seconds</c>) and
/// not before its start time (2300033); one message per token per 12 hours (2300035); tokens in the five
/// regions refused (2300032); a daily cap per person (2300043); text over 640 characters (2300010) and a
/// fourth button (2300026) refused; the lifetime budget charged per delivered message and refused once what
/// is spent and owed would pass it (2300053). A success is only "accepted": its echo, delivery and read
/// webhooks come later, out of order, some twice, half of them wrapped in <c>entry[].changes[]</c> and half
/// bare, timestamps in seconds or milliseconds, ids as numbers or strings, because Meta leaves each of these
/// open. The error number goes in <c>code</c> and in <c>error_subcode</c> by turns, as Meta does not say
/// which. Time is the host's <see cref="TimeProvider"/>; its random choices come from a seed.
/// </summary>
public sealed class LocalMarketingMessagesGraph(LocalGraphOptions options, TimeProvider clock)
{
    private const int MaxText = 640;
    private const int MaxButtons = 3;
    private static readonly TimeSpan PerToken = TimeSpan.FromHours(12);

    private readonly object _gate = new();
    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, LocalCampaign> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Token, DateOnly Day), int> _perDay = [];
    private readonly List<PendingWebhook> _webhooks = [];
    private readonly HashSet<string> _optedOut = new(StringComparer.Ordinal);
    private long _nextCampaignId = 120212345678900000;
    private int _errors;
    private int _shapes;

    /// <summary>Every webhook scheduled, in the order scheduled (not the order posted): its field, token, and whether it is a repeat.</summary>
    public List<(string Field, string Token, bool Duplicate)> Scheduled { get; } = [];

    /// <summary>Every webhook body handed out to be posted, in the order handed out.</summary>
    public List<string> Taken { get; } = [];

    /// <summary>Every accepted send, in order: (campaign id, token, tracking id).</summary>
    public List<(string CampaignId, string Token, string TrackingId)> Accepted { get; } = [];

    /// <summary>Every call that reached the stand-in, as "METHOD /path", in order: a refused campaign must have made none.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many times insights were asked for (a report shown again within its cache must not ask).</summary>
    public int InsightsReads { get; private set; }

    /// <summary>Every unsubscribe row taken, in order: (Page id, identifier name, value).</summary>
    public List<(string PageId, string Identifier, string Value)> Unsubscribed { get; } = [];

    /// <summary>
    /// <c>POST /&lt;PAGE_ID&gt;/messaging_customer_base/unsubscribe</c>: each row must carry exactly one of
    /// psid or subscriber_token (or phone and/or email); the others are counted in <c>invalid_rows_count</c>.
    /// </summary>
    public LocalGraphAnswer Unsubscribe(string pageId, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body["data"] is not JsonArray rows)
        {
            return GraphError(400, 100, null, "(#100) data must be an array of rows");
        }

        var invalid = 0;
        lock (_gate)
        {
            foreach (var row in rows)
            {
                var fields = (row as JsonObject)?.Where(f => Text(f.Value) is { Length: > 0 }).ToList() ?? [];
                var single = fields.Count == 1 && fields[0].Key is "psid" or "subscriber_token";
                var contact = fields.Count is 1 or 2 && fields.All(f => f.Key is "phone" or "email");
                if (single || contact)
                {
                    Unsubscribed.AddRange(fields.Select(f => (pageId, f.Key, Text(f.Value)!)));
                }
                else
                {
                    invalid++;
                }
            }
        }

        return new(200, new JsonObject { ["invalid_rows_count"] = invalid });
    }

    /// <summary>
    /// The person behind <paramref name="token"/> used the opt-out link Meta adds to every marketing message: Meta
    /// tells the business nothing, and refuses the next send to it with 2300034 (docs/marketing-messages.md §2).
    /// </summary>
    public void OptOutByLink(string token)
    {
        lock (_gate)
        {
            _optedOut.Add(token);
        }
    }

    /// <summary>What a campaign has spent so far, in minor units.</summary>
    public long SpentOn(string campaignId)
    {
        lock (_gate)
        {
            return _campaigns.TryGetValue(campaignId, out var campaign) ? campaign.Spent : 0;
        }
    }

    /// <summary>How many campaigns were created, of any name.</summary>
    public int CampaignCount
    {
        get
        {
            lock (_gate)
            {
                return _campaigns.Count;
            }
        }
    }

    /// <summary><c>POST act_&lt;id&gt;/message_campaign</c>.</summary>
    public LocalGraphAnswer CreateCampaign(string adAccount, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var name = Text(body["name"]);
        var pageId = Text(body["page_id"]);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(pageId))
        {
            return GraphError(400, 100, null, "(#100) name and page_id are required");
        }

        var lifetime = Number(body["lifetime_budget"]);
        var daily = Number(body["daily_budget"]);
        if (lifetime is <= 0 || daily is <= 0)
        {
            return GraphError(400, 100, null, "(#100) a budget must be positive");
        }

        var now = clock.GetUtcNow();
        var start = Number(body["start_time"]) is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : now;
        lock (_gate)
        {
            var id = (_nextCampaignId++).ToString(CultureInfo.InvariantCulture);
            _campaigns[id] = new LocalCampaign(id, adAccount, name, pageId, lifetime, daily, now, start);
            return new(200, new JsonObject { ["id"] = id });
        }
    }

    /// <summary><c>GET act_&lt;id&gt;/ads</c>: the account's message campaigns with their names and budgets (budgets as strings, as Meta writes them).</summary>
    public LocalGraphAnswer ListAds(string adAccount)
    {
        lock (_gate)
        {
            var data = new JsonArray();
            foreach (var campaign in _campaigns.Values.Where(c => c.AdAccount == adAccount))
            {
                data.Add(new JsonObject
                {
                    ["id"] = campaign.Id,
                    ["campaign"] = new JsonObject { ["name"] = campaign.Name, ["is_direct_send_campaign"] = true, ["is_message_campaign"] = true },
                    ["adset"] = new JsonObject
                    {
                        ["lifetime_budget"] = campaign.LifetimeBudget?.ToString(CultureInfo.InvariantCulture),
                        ["daily_budget"] = campaign.DailyBudget?.ToString(CultureInfo.InvariantCulture),
                    },
                });
            }

            return new(200, new JsonObject { ["data"] = data });
        }
    }

    /// <summary><c>POST /&lt;campaign id&gt;</c> with a new <c>lifetime_budget</c>: raising a spent budget lets sends resume (Marketing API budget updates).</summary>
    public LocalGraphAnswer UpdateCampaign(string campaignId, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaignId, out var campaign))
            {
                return GraphError(400, 100, 33, "(#100) Unsupported post request: the object does not exist");
            }

            if (Number(body["lifetime_budget"]) is not { } budget || budget <= 0)
            {
                return GraphError(400, 100, null, "(#100) lifetime_budget must be positive");
            }

            campaign.LifetimeBudget = budget;
            return new(200, new JsonObject { ["success"] = true });
        }
    }

    /// <summary><c>GET /&lt;campaign id&gt;/insights</c>: delivered messages and spend, as strings.</summary>
    public LocalGraphAnswer Insights(string campaignId)
    {
        lock (_gate)
        {
            InsightsReads++;
            if (!_campaigns.TryGetValue(campaignId, out var campaign))
            {
                return GraphError(400, 100, 33, "(#100) the object does not exist");
            }

            var perDelivered = campaign.Delivered == 0 ? 0 : (double)campaign.Spent / campaign.Delivered;
            return new(200, new JsonObject
            {
                ["data"] = new JsonArray(new JsonObject
                {
                    ["marketing_messages_delivered"] = campaign.Delivered.ToString(CultureInfo.InvariantCulture),
                    ["marketing_messages_spend"] = campaign.Spent.ToString(CultureInfo.InvariantCulture),
                    ["marketing_messages_cost_per_delivered"] = perDelivered.ToString("0.##", CultureInfo.InvariantCulture),
                }),
            });
        }
    }

    /// <summary>
    /// <c>GET act_&lt;id&gt;/message_delivery_estimate</c>: how many messages the budget would deliver and what they would cost,
    /// from the tokens Meta issued for the Page (<paramref name="issuedTokens"/>). Reachable are those Meta would accept
    /// now: not in the five regions, not opted out, not sent within 12 hours. The upper bound is what the budget pays
    /// for of them at <c>PricePerDelivered</c> (all of them without a budget), the lower bound that less the share Meta
    /// drops after accepting (<c>FailedShare</c>); costs are the bounds times the price, in minor units.
    /// </summary>
    public LocalGraphAnswer Estimate(IReadOnlyCollection<string> issuedTokens, long? lifetimeBudget, long? dailyBudget)
    {
        ArgumentNullException.ThrowIfNull(issuedTokens);
        if (lifetimeBudget is <= 0 || dailyBudget is <= 0)
        {
            return GraphError(400, 100, null, "(#100) a budget must be positive");
        }

        var now = clock.GetUtcNow();
        long reachable;
        lock (_gate)
        {
            reachable = issuedTokens.LongCount(token =>
                !options.FiveRegionTokenPrefixes.Any(p => token.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                && !_optedOut.Contains(token)
                && !Unsubscribed.Any(u => u.Identifier == "subscriber_token" && u.Value == token)
                && !(_lastByToken.TryGetValue(token, out var last) && now < last + PerToken));
        }

        var budget = lifetimeBudget ?? dailyBudget;
        var upper = budget is { } b ? Math.Min(reachable, b / options.PricePerDelivered) : reachable;
        var lower = (long)Math.Floor(upper * (1 - options.FailedShare));
        return new(200, new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["estimate_delivery_lower_bound"] = lower,
                ["estimate_delivery_upper_bound"] = upper,
                ["estimate_cost_lower_bound"] = lower * options.PricePerDelivered,
                ["estimate_cost_upper_bound"] = upper * options.PricePerDelivered,
            }),
        });
    }

    /// <summary><c>POST act_&lt;id&gt;/messages</c>: one subscriber, accepted or refused by Meta's rules.</summary>
    public LocalGraphAnswer Send(string adAccount, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var now = clock.GetUtcNow();
        var campaignId = Text(body["message_id"]);
        var token = Text((body["messenger_delivery_data"] as JsonObject)?["subscription_token"]);
        lock (_gate)
        {
            if (campaignId is null || !_campaigns.TryGetValue(campaignId, out var campaign) || campaign.AdAccount != adAccount)
            {
                return MarketingError(2300001, "Invalid message id");
            }

            if (string.IsNullOrWhiteSpace(token))
            {
                return MarketingError(2300004, "The subscription token could not be loaded");
            }

            if (body["message"] is not JsonObject message)
            {
                return MarketingError(2300010, "No valid creative or payload");
            }

            if (ShapeProblem(message) is { } shape)
            {
                return MarketingError(shape, "The message is not valid");
            }

            if (now < campaign.Start)
            {
                return MarketingError(2300033, "The campaign has not started", campaign.Start - now);
            }

            if (now < campaign.CreatedAt + options.WarmUp)
            {
                return MarketingError(2300003, "Message is not active", campaign.CreatedAt + options.WarmUp - now);
            }

            if (options.FiveRegionTokenPrefixes.Any(p => token.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                return MarketingError(2300032, "The subscription token is not in a supported region");
            }

            if (_optedOut.Contains(token) || Unsubscribed.Any(u => u.Identifier == "subscriber_token" && u.Value == token))
            {
                return MarketingError(2300034, "The subscriber has stopped marketing messages");
            }

            if (_lastByToken.TryGetValue(token, out var last) && now < last + PerToken)
            {
                return MarketingError(2300035, "Minimum delay between messages not reached");
            }

            var day = DateOnly.FromDateTime(now.UtcDateTime);
            if (_perDay.GetValueOrDefault((token, day)) >= options.DailyCapPerPerson)
            {
                return MarketingError(2300043, "DAILY_MM_LOAD_CAP_REACHED");
            }

            if (campaign.LifetimeBudget is { } budget && campaign.Spent + ((campaign.Owed + 1) * options.PricePerDelivered) > budget)
            {
                return MarketingError(2300053, "The campaign lifetime budget has been reached");
            }

            campaign.Owed++;
            _lastByToken[token] = now;
            _perDay[(token, day)] = _perDay.GetValueOrDefault((token, day)) + 1;
            var tracking = NewTrackingId();
            Accepted.Add((campaign.Id, token, tracking));
            Schedule(campaign, token, tracking, now);
            return new(200, new JsonObject { ["success"] = true, ["marketing_message_tracking_id"] = tracking });
        }
    }

    /// <summary>
    /// The webhooks due at <paramref name="now"/>, removed from the queue, as the JSON bodies to post. A
    /// delivery is charged to its campaign when its first copy is taken: the message reached the device.
    /// </summary>
    public IReadOnlyList<string> TakeDueWebhooks(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = _webhooks.Where(w => w.At <= now).OrderBy(w => w.At).ToList();
            foreach (var webhook in due)
            {
                _webhooks.Remove(webhook);
                if (webhook.Charge is { } campaign && !webhook.Duplicate)
                {
                    campaign.Owed--;
                    if (!webhook.Failed)
                    {
                        campaign.Delivered++;
                        campaign.Spent += options.PricePerDelivered;
                    }
                }
            }

            Taken.AddRange(due.Select(w => w.Body));
            return [.. due.Select(w => w.Body)];
        }
    }

    /// <summary>When the next webhook is due; <c>null</c> when none waits.</summary>
    public DateTimeOffset? NextWebhookAt()
    {
        lock (_gate)
        {
            return _webhooks.Count == 0 ? null : _webhooks.Min(w => w.At);
        }
    }

    private void Schedule(LocalCampaign campaign, string token, string tracking, DateTimeOffset sentAt)
    {
        var delivered = sentAt + Delay();
        Enqueue(campaign, "marketing_message_echoes", token, tracking, sentAt + Delay(), charge: false);
        if (_random.NextDouble() < options.FailedShare)
        {
            // Dropped after it was accepted (Meta's asynchronous failure): never delivered, never charged.
            Enqueue(campaign, "marketing_message_delivery_failed", token, tracking, delivered, charge: true);
            return;
        }

        Enqueue(campaign, "marketing_message_deliveries", token, tracking, delivered, charge: true);
        if (_random.NextDouble() < 0.5)
        {
            // A read follows the delivery on the device, but its webhook may still overtake the others.
            var read = delivered + Delay();
            Enqueue(campaign, "marketing_message_reads", token, tracking, read, charge: false);
            if (_random.NextDouble() < 0.3)
            {
                Enqueue(campaign, "marketing_message_clicks", token, tracking, read + Delay(), charge: false);
            }
        }
    }

    private void Enqueue(LocalCampaign campaign, string field, string token, string tracking, DateTimeOffset at, bool charge)
    {
        var body = WebhookBody(campaign, field, token, tracking, at);
        var failed = field == "marketing_message_delivery_failed";
        _webhooks.Add(new PendingWebhook(at, body, charge ? campaign : null, false, failed));
        Scheduled.Add((field, token, false));
        if (_random.NextDouble() < options.DuplicateShare)
        {
            _webhooks.Add(new PendingWebhook(at + Delay(), body, charge ? campaign : null, true, failed));
            Scheduled.Add((field, token, true));
        }
    }

    private string WebhookBody(LocalCampaign campaign, string field, string token, string tracking, DateTimeOffset at)
    {
        var shape = _shapes++;
        var numbers = shape % 2 == 0;
        var inner = new JsonObject
        {
            ["field"] = field,
            ["recipient_id"] = null,
            ["page_id"] = numbers && long.TryParse(campaign.PageId, out var page) ? page : campaign.PageId,
            ["timestamp"] = shape % 3 == 0 ? at.ToUnixTimeMilliseconds() : at.ToUnixTimeSeconds(),
            ["marketing_message_tracking_id"] = tracking,
            ["messenger_subscription_token"] = token,
            ["message_id"] = numbers && long.TryParse(campaign.Id, out var id) ? id : campaign.Id,
        };
        if (field == "marketing_message_delivery_failed")
        {
            // Meta's failure names the token and the campaign but no tracking id, no field and no numeric code.
            inner.Remove("marketing_message_tracking_id");
            inner.Remove("recipient_id");
            inner.Remove("field");
            inner["error_message"] = "The message could not be delivered.";
        }
        else if (field == "marketing_message_clicks")
        {
            inner.Remove("marketing_message_tracking_id");
        }

        if (shape % 4 < 2)
        {
            return inner.ToJsonString();
        }

        inner.Remove("field");
        return new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = campaign.PageId,
                ["time"] = at.ToUnixTimeMilliseconds(),
                ["changes"] = new JsonArray(new JsonObject { ["field"] = field, ["value"] = inner }),
            }),
        }.ToJsonString();
    }

    private TimeSpan Delay() => TimeSpan.FromMilliseconds(_random.NextDouble() * options.MaxWebhookDelay.TotalMilliseconds);

    private string NewTrackingId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static int? ShapeProblem(JsonObject message)
    {
        if (Text(message["text"]) is { Length: > MaxText })
        {
            return 2300010;
        }

        var payload = (message["attachment"] as JsonObject)?["payload"] as JsonObject;
        var buttonLists = new List<JsonArray?> { payload?["buttons"] as JsonArray };
        if (payload?["elements"] is JsonArray elements)
        {
            buttonLists.AddRange(elements.Select(e => (e as JsonObject)?["buttons"] as JsonArray));
        }

        return buttonLists.Any(b => b is { Count: > MaxButtons }) ? 2300026 : null;
    }

    private LocalGraphAnswer MarketingError(int number, string message, TimeSpan? remaining = null)
    {
        // By turns in code and in error_subcode (next to 100), as Meta leaves open which it uses.
        var inCode = _errors++ % 2 == 0;
        var answer = GraphError(400, inCode ? number : 100, inCode ? null : number, message);
        if (remaining is { } wait)
        {
            ((JsonObject)answer.Body["error"]!)["error_data"] = new JsonObject { ["remaining_seconds"] = (long)Math.Ceiling(wait.TotalSeconds) };
        }

        return answer;
    }

    private static LocalGraphAnswer GraphError(int status, int code, int? subcode, string message)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "local-graph" };
        if (subcode is { } s)
        {
            error["error_subcode"] = s;
        }

        return new(status, new JsonObject { ["error"] = error });
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString() : null;

    // A parsed body holds JSON elements; a body built in code holds the CLR value it was given (an int is not a long).
    private static long? Number(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString().Trim('"'), CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed class LocalCampaign(string id, string adAccount, string name, string pageId, long? lifetime, long? daily, DateTimeOffset createdAt, DateTimeOffset start)
    {
        public string Id { get; } = id;

        public string AdAccount { get; } = adAccount;

        public string Name { get; } = name;

        public string PageId { get; } = pageId;

        public long? LifetimeBudget { get; set; } = lifetime;

        public long? DailyBudget { get; } = daily;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset Start { get; } = start;

        /// <summary>Accepted messages whose delivery is not yet charged.</summary>
        public long Owed { get; set; }

        public long Delivered { get; set; }

        public long Spent { get; set; }
    }

    /// <param name="Charge">The campaign whose owed message this webhook settles: charged when delivered, released when failed.</param>
    private sealed record PendingWebhook(DateTimeOffset At, string Body, LocalCampaign? Charge, bool Duplicate, bool Failed);
}
