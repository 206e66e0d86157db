using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;

namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// Our documents go through the SDK's stream APIs as System.Text.Json: one serializer we control
/// (camelCase, enums by name, instants with their offset), and 404/409/412 come back as status codes
/// rather than exceptions, which are the expected answers of point reads, claims and ETag checks.
/// </summary>
public static class CosmosJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static MemoryStream Write<T>(T document)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, document, Options);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The document of a successful point read.</summary>
    public static async Task<T> ReadAsync<T>(ResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.EnsureSuccessStatusCode();
        return await JsonSerializer.DeserializeAsync<T>(response.Content, Options, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("A stored document is null.");
    }

    /// <summary>The documents of one page of a query or a read-many.</summary>
    public static async Task<IReadOnlyList<T>> ReadFeedAsync<T>(ResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.EnsureSuccessStatusCode();
        if (response.Content is null)
        {
            return [];
        }

        var feed = await JsonSerializer.DeserializeAsync<Feed<T>>(response.Content, Options, cancellationToken).ConfigureAwait(false);
        return feed?.Documents ?? [];
    }

    private sealed record Feed<T>(List<T>? Documents);
}
