using Microsoft.AspNetCore.Http.Metadata;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>502 with Meta's refusal in words: the admin asked, the Page's API said no.</summary>
public sealed class BadGateway(string problem) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status502BadGateway;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(problem, statusCode: StatusCodes.Status502BadGateway, title: "Meta refused the profile call").ExecuteAsync(httpContext);

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status502BadGateway, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
    }
}
