using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ConversationBot.Bot.Tests.Storage;

/// <summary>
/// What every IStorage back end must do, the way Bot Framework's MemoryStorage does it. Runs against
/// MemoryStorage itself (the reference) and against each of our back ends.
/// </summary>
public abstract class StorageContractTests
{
    protected abstract Task<IStorage> CreateStorageAsync();

    [Fact]
    public async Task A_key_never_written_is_absent_from_a_read()
    {
        var storage = await CreateStorageAsync();

        var items = await storage.ReadAsync(["nobody-wrote-this"]);

        Assert.Empty(items);
    }

    [Fact]
    public async Task What_is_written_is_read_back()
    {
        var storage = await CreateStorageAsync();

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "Grüße 😀", Count = 3 } });
        var note = Read<Note>(await storage.ReadAsync(["k", "other"]), "k");

        Assert.Equal("Grüße 😀", note.Text);
        Assert.Equal(3, note.Count);
    }

    [Fact]
    public async Task Every_write_of_a_store_item_gets_a_new_etag()
    {
        var storage = await CreateStorageAsync();

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "one" } });
        var first = Read<Note>(await storage.ReadAsync(["k"]), "k");
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var second = Read<Note>(await storage.ReadAsync(["k"]), "k");

        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_and_changes_nothing()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "one" } });
        var stale = Read<Note>(await storage.ReadAsync(["k"]), "k");
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "two", ETag = stale.ETag } });

        await Assert.ThrowsAnyAsync<ArgumentException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "three", ETag = stale.ETag } }));

        Assert.Equal("two", Read<Note>(await storage.ReadAsync(["k"]), "k").Text);
    }

    [Fact]
    public async Task A_star_etag_overwrites_whatever_is_stored()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "one" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "forced", ETag = "*" } });

        Assert.Equal("forced", Read<Note>(await storage.ReadAsync(["k"]), "k").Text);
    }

    [Fact]
    public async Task Values_that_are_not_store_items_are_last_writer_wins()
    {
        var storage = await CreateStorageAsync();

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["a"] = 1 } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["a"] = 2 } });

        Assert.Equal(2, JObject.FromObject((await storage.ReadAsync(["k"]))["k"])["a"]!.Value<int>());
    }

    [Fact]
    public async Task Writing_null_makes_the_key_read_as_absent()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = null! });

        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task A_value_that_is_not_an_object_is_refused()
    {
        var storage = await CreateStorageAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = "just a string" }));
    }

    [Fact]
    public async Task A_null_key_is_refused()
    {
        var storage = await CreateStorageAsync();

        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => storage.ReadAsync([null!]));
    }

    [Fact]
    public async Task Keys_are_compared_exactly()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["Key"] = new Note { Text = "upper" } });

        Assert.Empty(await storage.ReadAsync(["key", "Key ", "KEY"]));
    }

    [Fact]
    public async Task Deleting_is_idempotent_and_deleted_keys_read_as_absent()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });

        await storage.DeleteAsync(["k", "never-existed"]);
        await storage.DeleteAsync(["k"]);

        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Keys_and_values_may_be_any_text()
    {
        var storage = await CreateStorageAsync();
        var keys = new[] { "emulator/conversations/1234|livechat", "a\\b?c#d", "ümläut/日本/😀", new string('k', 400), "' OR 1=1 --" };

        await storage.WriteAsync(keys.ToDictionary(k => k, object (k) => new Note { Text = k + "\n\"quoted\"" }));
        var items = await storage.ReadAsync(keys);

        Assert.Equal(keys.Length, items.Count);
        Assert.All(keys, k => Assert.Equal(k + "\n\"quoted\"", Read<Note>(items, k).Text));
    }

    [Fact]
    public async Task Of_many_writers_holding_the_same_etag_exactly_one_wins()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "start" } });
        var etag = Read<Note>(await storage.ReadAsync(["k"]), "k").ETag;

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"writer {i}", ETag = etag } });
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task Conversation_state_round_trips_through_BotState()
    {
        var storage = await CreateStorageAsync();
        var state = new ConversationState(storage);
        var profile = state.CreateProperty<Profile>("profile");
        var adapter = new TestAdapter();
        var activity = new Activity(ActivityTypes.Message) { ChannelId = "test", Conversation = new ConversationAccount(id: "c1"), From = new ChannelAccount("u1"), Recipient = new ChannelAccount("b1") };

        using (var turn = new TurnContext(adapter, activity))
        {
            await profile.SetAsync(turn, new Profile { Name = "Anna Müller", Orders = ["10045", "10046"], Seen = new Dictionary<string, int> { ["menu"] = 2 } });
            await state.SaveChangesAsync(turn);
        }

        using var next = new TurnContext(adapter, activity);
        var loaded = await new ConversationState(storage).CreateProperty<Profile>("profile").GetAsync(next, () => new Profile());

        Assert.Equal("Anna Müller", loaded.Name);
        Assert.Equal(["10045", "10046"], loaded.Orders);
        Assert.Equal(2, loaded.Seen["menu"]);
    }

    [Fact]
    public async Task User_state_is_kept_apart_from_conversation_state_in_the_same_storage()
    {
        var storage = await CreateStorageAsync();
        var adapter = new TestAdapter();
        var activity = new Activity(ActivityTypes.Message) { ChannelId = "test", Conversation = new ConversationAccount(id: "c1"), From = new ChannelAccount("u1"), Recipient = new ChannelAccount("b1") };
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);

        using (var turn = new TurnContext(adapter, activity))
        {
            await conversation.CreateProperty<string>("name").SetAsync(turn, "conversation value");
            await user.CreateProperty<string>("name").SetAsync(turn, "user value");
            await conversation.SaveChangesAsync(turn);
            await user.SaveChangesAsync(turn);
        }

        using var next = new TurnContext(adapter, activity);
        Assert.Equal("conversation value", await new ConversationState(storage).CreateProperty<string>("name").GetAsync(next, () => string.Empty));
        Assert.Equal("user value", await new UserState(storage).CreateProperty<string>("name").GetAsync(next, () => string.Empty));
    }

    private static T Read<T>(IDictionary<string, object> items, string key) =>
        items[key] is T typed ? typed : JObject.FromObject(items[key]).ToObject<T>()!;

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    public sealed class Profile
    {
        public string? Name { get; set; }

        public List<string> Orders { get; set; } = [];

        public Dictionary<string, int> Seen { get; set; } = [];
    }
}
