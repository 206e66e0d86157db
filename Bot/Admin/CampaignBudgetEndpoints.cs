using System.Globalization;
using System.Text.Json;
using ConversationBot.Bot.Delivery;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// POST /api/admin/campaigns/{id}/budget (docs/marketing-messages.md, "Budgets"): raises a running or scheduled
/// campaign's Marketing Messages budget. Meta's campaign gets it first (when Meta has one for it yet); only then is it
/// stored on ours, and a campaign held by a send's answer (its budget spent) is woken now instead of after
/// <c>Delivery:HeldCampaignRecheck</c>. Meta refusing or not answering is a 502 and nothing is stored: the operator
/// sends the raise again, which is harmless.
/// </summary>
public static class CampaignBudgetEndpoints
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapCampaignBudgetEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/campaigns/{id}/budget", RaiseAsync)
            .Accepts<CampaignBudgetRequest>("application/json")
            .WithSummary("Raises a campaign's Marketing Messages budget, at Meta and here; a campaign held for its spent budget resumes at once.");
        return admin;
    }

    private static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, Conflict<ProblemDetailsView>, ProblemHttpResult>> RaiseAsync(
        string id, HttpRequest request, CampaignService campaigns, MetaCampaigns meta, ICampaignWorkStore work, DeliverySignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        CampaignBudgetRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CampaignBudgetRequest>(request.Body, RequestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Invalid(field, field == "budget"
                ? "must be a whole number in the ad account currency's minor unit (5000 = 50.00)."
                : field == "body" ? "must be a JSON object such as {\"budget\": 5000}." : "is not a member: only budget is.");
        }

        if (body is null)
        {
            return Invalid("body", "must be a JSON object such as {\"budget\": 5000}.");
        }

        CampaignBudgetRaise? raise;
        try
        {
            raise = await campaigns.RaiseBudgetAsync(id, body.Budget, (campaign, budget, token) => meta.RaiseBudgetAsync(campaign.Id, budget, token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MessengerSendException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return TypedResults.Problem(
                title: "Meta did not take the new budget; nothing was changed.",
                detail: ex is MessengerSendException refused
                    ? string.Create(CultureInfo.InvariantCulture, $"Meta answered {(int)refused.StatusCode} (code {refused.Code}, subcode {refused.Subcode}): {refused.GraphMessage}")
                    : "Meta's Graph API did not answer. Send the raise again.",
                statusCode: StatusCodes.Status502BadGateway);
        }

        if (raise is null)
        {
            return TypedResults.NotFound();
        }

        if (raise.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(raise.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: "The budget was not changed.");
        }

        if (raise.Finished)
        {
            return TypedResults.Conflict(new ProblemDetailsView("The campaign has finished already.", $"Campaign {id} is {raise.Campaign.Status}: its budget is final."));
        }

        if (raise.Woken)
        {
            signal.Wake();
        }

        var items = raise.Campaign.Audience is null ? [] : await work.ListAsync(raise.Campaign.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CampaignView.Of(raise.Campaign, items, clock.GetUtcNow()));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The budget was not changed.");
}
