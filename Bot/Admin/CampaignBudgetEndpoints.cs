using System.Text.Json;
using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Delivery.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// POST /api/admin/campaigns/{id}/budget (docs/marketing-messages.md, "Budgets"): raises a running or scheduled
/// campaign's Marketing Messages budget through <see cref="CampaignBudgetRaising"/> (Meta's campaign first, then
/// ours, a held campaign woken at once; the console's campaign page does the same). Meta refusing or not answering
/// is a 502 and nothing is stored: the operator sends the raise again, which is harmless.
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
        string id, HttpRequest request, CampaignBudgetRaising raising, ICampaignWorkStore work, TimeProvider clock, CancellationToken cancellationToken)
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

        var (raise, metaRefusal) = await raising.RaiseAsync(id, body.Budget, cancellationToken).ConfigureAwait(false);
        if (metaRefusal is not null)
        {
            return TypedResults.Problem(title: "Meta did not take the new budget; nothing was changed.", detail: metaRefusal, statusCode: StatusCodes.Status502BadGateway);
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

        var items = raise.Campaign.Audience is null ? [] : await work.ListAsync(raise.Campaign.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CampaignView.Of(raise.Campaign, items, clock.GetUtcNow()));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The budget was not changed.");
}
