using System.Text.Json;
using System.Text.Json.Serialization;
using ConversationBot.Bot.Desk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// The agent desk in the admin API (docs/handoff.md): a hand-off's transcript, claim, reply and close.
/// Refusals are problem bodies with the reason: 404 no open hand-off, 409 another agent has it or the
/// channel's rules allow no reply now (nothing sent), 502 the platform did not take the reply; a
/// malformed body is a 400 naming the field.
/// </summary>
public static class HandoffDeskEndpoints
{
    private const int MaxAgentLength = 100;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapHandoffDeskEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/handoffs/{channelId}/{conversationId}/transcript", TranscriptAsync).WithSummary("An open hand-off with its transcript (the lines before it for context, then every message) and whether a reply may go now.");
        admin.MapPost("/handoffs/{channelId}/{conversationId}/claim", ClaimAsync).Accepts<HandoffDeskRequest>("application/json").WithSummary("An agent takes the hand-off; of two at once one wins, the other gets 409 naming who has it.");
        admin.MapPost("/handoffs/{channelId}/{conversationId}/reply", ReplyAsync).Accepts<HandoffDeskRequest>("application/json").WithSummary("The claiming agent's reply, by the channel's rules; 409 with the reason when they allow none now.");
        admin.MapPost("/handoffs/{channelId}/{conversationId}/close", CloseAsync).Accepts<HandoffDeskRequest>("application/json").WithSummary("Gives the conversation back to the bot, which tells the customer in their language.");
        return admin;
    }

    private static async Task<Results<Ok<HandoffTranscriptView>, NotFound<ProblemDetailsView>>> TranscriptAsync(string channelId, string conversationId, HandoffDesk desk, CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is not { } handoff)
        {
            return TypedResults.NotFound(new ProblemDetailsView("No open hand-off.", DeskOutcome.NotFound.Reason!));
        }

        return TypedResults.Ok(HandoffTranscriptView.Of(
            handoff,
            await desk.PermissionAsync(handoff, cancellationToken).ConfigureAwait(false),
            await desk.TranscriptAsync(handoff, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IResult> ClaimAsync(string channelId, string conversationId, HttpRequest request, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, needsText: false, cancellationToken).ConfigureAwait(false);
        return problem ?? Answer(await desk.ClaimAsync(channelId, conversationId, body!.Agent!, cancellationToken).ConfigureAwait(false), "Not claimed.");
    }

    private static async Task<IResult> ReplyAsync(string channelId, string conversationId, HttpRequest request, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, needsText: true, cancellationToken).ConfigureAwait(false);
        return problem ?? Answer(await desk.ReplyAsync(channelId, conversationId, body!.Agent!, body.Text!, cancellationToken).ConfigureAwait(false), "Not sent.");
    }

    private static async Task<IResult> CloseAsync(string channelId, string conversationId, HttpRequest request, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, needsText: false, cancellationToken).ConfigureAwait(false);
        return problem ?? Answer(await desk.CloseAsync(channelId, conversationId, body!.Agent!, cancellationToken).ConfigureAwait(false), "Not closed.");
    }

    private static IResult Answer(DeskOutcome outcome, string title) => outcome.Kind switch
    {
        DeskOutcomeKind.Done => TypedResults.Ok(HandoffActionView.Of(outcome)),
        DeskOutcomeKind.NotFound => TypedResults.NotFound(new ProblemDetailsView(title, outcome.Reason!)),
        DeskOutcomeKind.Failed => TypedResults.Json(new ProblemDetailsView(title, outcome.Reason!), statusCode: StatusCodes.Status502BadGateway),
        _ => TypedResults.Conflict(new ProblemDetailsView(title, outcome.Reason!)),
    };

    private static async Task<(HandoffDeskRequest? Body, IResult? Problem)> ReadAsync(HttpRequest request, bool needsText, CancellationToken cancellationToken)
    {
        HandoffDeskRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<HandoffDeskRequest>(request.Body, RequestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            // The exception's message names our internal types; say where instead.
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Invalid(field, $"is malformed, of the wrong type or not a member (agent, text); line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}."));
        }

        if (body is null)
        {
            return (null, Invalid("body", "must be a JSON object with agent (and text for a reply)."));
        }

        if (string.IsNullOrWhiteSpace(body.Agent) || body.Agent.Length > MaxAgentLength)
        {
            return (null, Invalid("agent", $"is required: the agent's name, at most {MaxAgentLength} characters."));
        }

        if (needsText && (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > HandoffDesk.MaxReplyLength))
        {
            return (null, Invalid("text", $"is required: the reply, at most {HandoffDesk.MaxReplyLength} characters."));
        }

        return (body with { Agent = body.Agent.Trim() }, null);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");
}
