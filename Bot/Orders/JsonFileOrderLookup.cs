using System.Text.Json;
using System.Text.Json.Serialization;
using ConversationBot.Dialogs.Orders;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Orders;

/// <summary>
/// Orders from a JSON file (SampleData/orders.json by default), so the demo answers real questions.
/// A shop system replaces this by registering its own <see cref="IOrderLookup"/>.
/// </summary>
public sealed class JsonFileOrderLookup : IOrderLookup
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lazy<Task<Dictionary<string, Order>>> _orders;

    public JsonFileOrderLookup(IOptions<OrderOptions> options, IHostEnvironment environment)
    {
        var path = Path.Combine(environment.ContentRootPath, options.Value.SampleOrdersFile);
        _orders = new Lazy<Task<Dictionary<string, Order>>>(() => LoadAsync(path));
    }

    public async Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken)
    {
        var orders = await _orders.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return orders.GetValueOrDefault(orderNumber);
    }

    private static async Task<Dictionary<string, Order>> LoadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<OrderFile>(stream, SerializerOptions).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The orders file '{path}' is empty.");
        return file.Orders.ToDictionary(order => order.Number, StringComparer.OrdinalIgnoreCase);
    }
}
