using System.Text.Json;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Delivery.Schedules;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Storage;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.Products;
using ConversationBot.Notifications.Products.Outcomes;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Topics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// Campaigns, topics and subscriptions in the admin API. Every refusal is a problem+json body; a
/// validation failure names each field (<c>errors</c> keyed by the request's JSON names).
/// </summary>
public static class CampaignEndpoints
{
    private const int MaxPageSize = 500;

    // Unknown members are refused, not ignored: a "cron" posted here would otherwise send a campaign now
    // where the operator meant a schedule.
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapCampaignEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/campaigns", CreateAsync)
            .Accepts<CampaignRequest>("application/json")
            .WithSummary("Creates a campaign to a topic's subscribers, sent now or at sendAt.");
        admin.MapPost("/campaigns/preview", PreviewAsync)
            .Accepts<CampaignRequest>("application/json")
            .WithSummary("What a campaign would do, without sending anything: the audience, who may get it now and who not (by reason, with the earliest next time), and the message per language and channel.");
        admin.MapGet("/campaigns", ListAsync).WithSummary("Campaigns in creation order, optionally of one status (Scheduled, Running, Completed, Cancelled).");
        admin.MapGet("/campaigns/{id}", ShowAsync).WithSummary("One campaign with its progress (sent, skipped, failed, left) and its report per product (accepted, delivered, read, clicked, failed; Marketing Messages' spend from Meta's insights).");
        admin.MapPost("/campaigns/{id}/cancel", CancelAsync).WithSummary("Cancels a campaign; the page being sent finishes, nothing after it goes out.");
        admin.MapGet("/campaigns/{id}/deliveries", ListDeliveriesAsync).WithSummary("A campaign's delivery records: who got it, who was skipped or failed, and why.");
        admin.MapGet("/topics", ListTopicsAsync).WithSummary("The configured topics with their active subscriber counts and stop-rate guard.");
        admin.MapPost("/topics/recount", RecountTopicsAsync).WithSummary("Counts each topic's active subscribers again from the subscriptions (heals a kept count that drifted), then lists the topics.");
        admin.MapGet("/schedules", ListSchedules).WithSummary("The configured schedules with their next firing.");
        admin.MapGet("/customers/{channelId}/{customerId}/subscriptions", ListCustomerSubscriptionsAsync).WithSummary("One customer's subscriptions on one channel, in every status.");
        return admin;
    }

    private static async Task<Results<Created<CampaignView>, ValidationProblem>> CreateAsync(
        HttpRequest request, CampaignService campaigns, CampaignPreview preview, MessengerReach reach, SubscriberLanguages languages, DeliverySignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (draft, problem) = await ReadDraftAsync(request, languages, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return problem!;
        }

        if (await ReachProblemsAsync(draft, campaigns, preview, reach, clock, cancellationToken).ConfigureAwait(false) is { Count: > 0 } unreachable)
        {
            return Invalid(unreachable, "The campaign was not created.");
        }

        var result = await campaigns.CreateAsync(draft, cancellationToken).ConfigureAwait(false);
        if (result.Campaign is not { } campaign)
        {
            return Invalid(result.Errors, "The campaign was not created.");
        }

        signal.Wake();
        return TypedResults.Created($"/api/admin/campaigns/{Uri.EscapeDataString(campaign.Id)}", CampaignView.Of(campaign, [], clock.GetUtcNow()));
    }

    /// <summary>
    /// Subscribers only Marketing Messages could reach while it is not configured (<see cref="CampaignReachRule"/>): counted by
    /// the preview's walk over the audience, and only where configuring it could help (the business in one of its 20
    /// regions) and the draft is otherwise valid, so a deployment that cannot use it pays no walk.
    /// </summary>
    private static async Task<IReadOnlyList<FieldError>> ReachProblemsAsync(
        CampaignDraft draft, CampaignService campaigns, CampaignPreview preview, MessengerReach reach, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (reach.MarketingMessagesConfigured || draft.WithoutMarketingMessages || !MarketingMessagesRegions.AcceptsBusinessIn(reach.BusinessRegion)
            || campaigns.Validate(draft, clock.GetUtcNow()).Count > 0)
        {
            return [];
        }

        var figures = await preview.RunAsync(draft, cancellationToken).ConfigureAwait(false);
        return CampaignReachRule.Validate(figures.OnlyMarketingMessages, draft.WithoutMarketingMessages);
    }

    /// <summary>The campaign the body describes, checked by the same rules as a creation, counted and rendered; nothing is sent or stored.</summary>
    private static async Task<Results<Ok<CampaignPreviewView>, ValidationProblem>> PreviewAsync(
        HttpRequest request, CampaignService campaigns, CampaignPreview preview, MetaDeliveryEstimates estimates, SubscriberLanguages languages, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (draft, problem) = await ReadDraftAsync(request, languages, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return problem!;
        }

        var errors = campaigns.Validate(draft, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Invalid(errors, "The campaign is not valid.");
        }

        var figures = await preview.RunAsync(draft, cancellationToken).ConfigureAwait(false);
        var estimate = await estimates.ForAsync(figures, draft.Budget, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CampaignPreviewView.Of(figures, draft.Content, languages, estimate));
    }

    private static async Task<(CampaignDraft? Draft, ValidationProblem? Problem)> ReadDraftAsync(HttpRequest request, SubscriberLanguages languages, CancellationToken cancellationToken)
    {
        CampaignRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CampaignRequest>(request.Body, RequestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex) when (UnknownMember(ex) is { } unknown)
        {
            return (null, Invalid(unknown, unknown is "cron" or "timeZone" or "schedule"
                ? "is not a member of a campaign: schedules are set in configuration (Delivery:Schedules) and listed at /api/admin/schedules."
                : "is not a member of a campaign (topic, text, imageUrl, buttons[].title, buttons[].payload, sendAt, endAt, content.<language>, defaultLanguage, segment, localTime, localDate, ignoreQuietHours, budget, withoutMarketingMessages)."));
        }
        catch (JsonException ex)
        {
            // The exception's message names our internal types; say where instead.
            return (null, Invalid(FieldOf(ex.Path), $"is malformed or of the wrong type (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}); times are ISO 8601, e.g. 2026-12-01T09:00:00Z."));
        }

        if (body is null)
        {
            return (null, Invalid("body", "must be a JSON object."));
        }

        var errors = new List<FieldError>();
        var draft = CampaignDraftReader.Read(body, languages, errors);
        return draft is null ? (null, Invalid(errors, "The campaign was not created.")) : (draft, null);
    }

    private static async Task<Results<Ok<CampaignListView>, ValidationProblem>> ListAsync(
        ICampaignStore campaigns, ICampaignWorkStore work, TimeProvider clock, string? status, string? continuation, string? pageSize, CancellationToken cancellationToken)
    {
        CampaignStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CampaignStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Invalid("status", $"must be one of {string.Join(", ", Enum.GetNames<CampaignStatus>())}.");
            }

            filter = parsed;
        }

        if (PageSizeProblem(pageSize, out var size) is { } problem)
        {
            return problem;
        }

        var page = await campaigns.ListAsync(filter, continuation, size ?? 50, cancellationToken).ConfigureAwait(false);
        var views = new List<CampaignView>();
        foreach (var campaign in page.Campaigns)
        {
            views.Add(await ViewAsync(campaign, work, clock, cancellationToken).ConfigureAwait(false));
        }

        return TypedResults.Ok(new CampaignListView(views, page.Continuation));
    }

    private static async Task<Results<Ok<CampaignView>, NotFound>> ShowAsync(
        string id, ICampaignStore campaigns, ICampaignWorkStore work, CampaignProductFigures products, MetaCampaignSpend spending, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var view = await ViewAsync(campaign, work, clock, cancellationToken).ConfigureAwait(false);
        var figures = await products.OfAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        var spend = await spending.OfAsync(campaign.Id, ProductFigures.DeliveredThroughMarketingMessages(figures), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(view with { Products = [.. figures.Select(f => ProductFiguresView.Of(f, spend))] });
    }

    /// <summary>A campaign that has not started has no items to read; a started one's items give the progress and the instances' shares.</summary>
    private static async Task<CampaignView> ViewAsync(Campaign campaign, ICampaignWorkStore work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = campaign.Audience is null ? [] : await work.ListAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        return CampaignView.Of(campaign, items, clock.GetUtcNow());
    }

    private static async Task<Results<Ok<CampaignView>, NotFound, Conflict<ProblemDetailsView>>> CancelAsync(
        string id, CampaignService campaigns, ICampaignWorkStore work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await campaigns.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        return result.Cancelled
            ? TypedResults.Ok(await ViewAsync(result.Campaign, work, clock, cancellationToken).ConfigureAwait(false))
            : TypedResults.Conflict(new ProblemDetailsView("The campaign has finished already.", $"Campaign {id} is {result.Campaign.Status}."));
    }

    private static async Task<Results<Ok<DeliveryListView>, NotFound, ValidationProblem>> ListDeliveriesAsync(
        string id, string? continuation, string? pageSize, ICampaignStore campaigns, IDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        if (PageSizeProblem(pageSize, out var size) is { } problem)
        {
            return problem;
        }

        if (await campaigns.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var page = await deliveries.ListAsync(id, continuation, size ?? 100, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DeliveryListView([.. page.Deliveries.Select(DeliveryView.Of)], page.Continuation));
    }

    private static async Task<Ok<List<TopicView>>> ListTopicsAsync(TopicCatalog topics, ISubscriptionStore subscriptions, OptInOfferService offers, CancellationToken cancellationToken)
    {
        var views = new List<TopicView>();
        foreach (var topic in topics.Topics)
        {
            views.Add(new TopicView(
                topic.Id,
                topic.Title,
                topic.Frequency.ToString(),
                await subscriptions.CountActiveByTopicAsync(topic.Id, cancellationToken).ConfigureAwait(false),
                StopRateView.From(await offers.StopRateAsync(topic.Id, cancellationToken).ConfigureAwait(false))));
        }

        return TypedResults.Ok(views);
    }

    /// <summary>Reads every active subscriber of every topic (docs/cosmos-db.md, "counters"): an operator's repair, not a view.</summary>
    private static async Task<Ok<List<TopicView>>> RecountTopicsAsync(
        TopicCatalog topics, ISubscriptionStore subscriptions, ISubscriberCountRecount recount, OptInOfferService offers, CancellationToken cancellationToken)
    {
        foreach (var topic in topics.Topics)
        {
            await recount.RecountAsync(topic.Id, cancellationToken).ConfigureAwait(false);
        }

        return await ListTopicsAsync(topics, subscriptions, offers, cancellationToken).ConfigureAwait(false);
    }

    private static Ok<List<ScheduleView>> ListSchedules(CampaignScheduleCatalog schedules, TimeProvider clock) =>
        TypedResults.Ok(schedules.All.Select(s => new ScheduleView(s.Id, s.TopicId, s.Cron, s.TimeZone.Id, s.NextOccurrence(clock.GetUtcNow()))).ToList());

    private static async Task<Ok<List<SubscriptionView>>> ListCustomerSubscriptionsAsync(
        string channelId, string customerId, ISubscriptionStore subscriptions, SubscriberLanguages languages, CancellationToken cancellationToken) =>
        TypedResults.Ok((await subscriptions.ListByCustomerAsync(channelId, customerId, cancellationToken).ConfigureAwait(false)).Select(s => SubscriptionView.Of(s, languages)).ToList());

    // Bound here, not by the framework: a value that does not bind must be a 400 naming it in every
    // environment, not a 500 (Development throws on bind failures) or a bare 400 that names nothing.
    private static ValidationProblem? PageSizeProblem(string? pageSize, out int? size)
    {
        size = null;
        if (pageSize is null)
        {
            return null;
        }

        if (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > MaxPageSize)
        {
            return Invalid("pageSize", $"must be a whole number from 1 to {MaxPageSize}.");
        }

        size = parsed;
        return null;
    }

    private static readonly HashSet<string> RequestMembers = new(
        [.. new[] { typeof(CampaignRequest), typeof(CampaignButtonRequest), typeof(CampaignContentRequest), typeof(CampaignSegmentRequest) }.SelectMany(t => t.GetProperties()).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The member a body had that a campaign has not (the serializer's path ends in no member of ours); null for other errors.</summary>
    private static string? UnknownMember(JsonException exception)
    {
        var field = FieldOf(exception.Path);
        var last = field[(field.LastIndexOf('.') + 1)..];
        var name = last.Contains('[', StringComparison.Ordinal) ? last[..last.IndexOf('[', StringComparison.Ordinal)] : last;
        return field != "body" && !RequestMembers.Contains(name.Trim('\'', '[', ']')) ? field : null;
    }

    private static ValidationProblem Invalid(IEnumerable<FieldError> errors, string title) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: title);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    // System.Text.Json reports "$.buttons[0].title"; the API names fields without the root.
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
