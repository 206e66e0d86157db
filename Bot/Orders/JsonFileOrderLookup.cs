using System.Text.Json;
using System.Text.Json.Serialization;
using ConversationBot.Dialogs.Orders;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Orders;

/// <summary>
/// Orders from a JSON file (SampleData/orders.json by default), so the demo answers real questions.
/// The file's dates are days before or after today by the host's clock (<see cref="SampleOrder"/>),
/// so the demo reads the same on any day. A shop system replaces this by registering its own
/// <see cref="IOrderLookup"/>.
/// </summary>
public sealed class JsonFileOrderLookup : IOrderLookup
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lazy<Task<Dictionary<string, SampleOrder>>> _orders;
    private readonly TimeProvider _time;

    public JsonFileOrderLookup(IOptions<OrderOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        _time = time;
        var path = Path.Combine(environment.ContentRootPath, options.Value.SampleOrdersFile);
        _orders = new Lazy<Task<Dictionary<string, SampleOrder>>>(() => LoadAsync(path));
    }

    public async Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken)
    {
        var orders = await _orders.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        // Today in UTC: the shop's dates are whole days, and a demo needs no more precision than that.
        return orders.TryGetValue(orderNumber, out var order) ? order.On(DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime)) : null;
    }

    private static async Task<Dictionary<string, SampleOrder>> LoadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<OrderFile>(stream, SerializerOptions).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The orders file '{path}' is empty.");
        return file.Orders.ToDictionary(order => order.Number, StringComparer.OrdinalIgnoreCase);
    }
}
