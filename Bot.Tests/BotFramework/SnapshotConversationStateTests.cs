using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Storage.Sqlite;
using ConversationBot.Bot.Tests.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.BotFramework;

/// <summary>SnapshotConversationState keeps the stock ConversationState's contract, on our storage and on MemoryStorage.</summary>
public sealed class SnapshotConversationStateTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly TestAdapter _adapter = new();

    public static TheoryData<string> Storages => ["sqlite", "memory"];

    public void Dispose() => _database.Dispose();

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task State_round_trips_with_every_kind_of_value(string kind)
    {
        var storage = new CountingStorage(Create(kind));
        var stamped = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1));
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            await state.CreateProperty<Profile>("profile").SetAsync(turn, new Profile { Name = "Anna Müller", Orders = ["10045"], Seen = new() { ["menu"] = 2 } });
            await state.CreateProperty<string>("name").SetAsync(turn, "Grüße \"😀\"");
            await state.CreateProperty<int>("count").SetAsync(turn, 7);
            await state.CreateProperty<DateTimeOffset?>("stamped").SetAsync(turn, stamped);
            await state.CreateProperty<string[]>("list").SetAsync(turn, ["a", "b"]);
            await state.SaveChangesAsync(turn);
        });

        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            var profile = await state.CreateProperty<Profile>("profile").GetAsync(turn, () => new Profile());
            Assert.Equal("Anna Müller", profile.Name);
            Assert.Equal(["10045"], profile.Orders);
            Assert.Equal(2, profile.Seen["menu"]);
            Assert.Equal("Grüße \"😀\"", await state.CreateProperty<string>("name").GetAsync(turn, () => string.Empty));
            Assert.Equal(7, await state.CreateProperty<int>("count").GetAsync(turn, () => 0));
            Assert.Equal(stamped, await state.CreateProperty<DateTimeOffset?>("stamped").GetAsync(turn, () => null));
            Assert.Equal(["a", "b"], await state.CreateProperty<string[]>("list").GetAsync(turn, () => []));
            Assert.Null(await state.CreateProperty<string>("absent").GetAsync(turn, () => null!));
        });
        Assert.Equal(1, storage.Writes);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_turn_that_changes_nothing_writes_nothing(string kind)
    {
        var storage = new CountingStorage(Create(kind));
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            await state.CreateProperty<Profile>("profile").SetAsync(turn, new Profile { Name = "Anna" });
            await state.SaveChangesAsync(turn);
        });

        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            var profile = state.CreateProperty<Profile>("profile");

            // Read, and even set again to an equal value: nothing to write.
            await profile.SetAsync(turn, await profile.GetAsync(turn, () => new Profile()));
            await state.SaveChangesAsync(turn);
            await state.SaveChangesAsync(turn);
        });

        Assert.Equal(1, storage.Writes);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_change_is_written_once_and_force_writes_anyway(string kind)
    {
        var storage = new CountingStorage(Create(kind));
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            var profile = state.CreateProperty<Profile>("profile");
            await profile.SetAsync(turn, new Profile { Name = "Anna" });
            await state.SaveChangesAsync(turn);
            await state.SaveChangesAsync(turn);
            Assert.Equal(1, storage.Writes);

            await profile.SetAsync(turn, new Profile { Name = "Ben" });
            await state.SaveChangesAsync(turn);
            Assert.Equal(2, storage.Writes);

            await state.SaveChangesAsync(turn, force: true);
            Assert.Equal(3, storage.Writes);
        });

        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
            Assert.Equal("Ben", (await state.CreateProperty<Profile>("profile").GetAsync(turn, () => new Profile())).Name));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_ride_along_property_is_written_only_with_another_change(string kind)
    {
        var storage = new CountingStorage(Create(kind));
        var first = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        await InTurnAsync(new SnapshotConversationState(storage, ["stamped"]), async (state, turn) =>
        {
            await state.CreateProperty<string>("step").SetAsync(turn, "menu");
            await state.CreateProperty<DateTimeOffset?>("stamped").SetAsync(turn, first);
            await state.SaveChangesAsync(turn);
        });

        // The stamp alone moved (and appeared, in a state that had none of it): nothing written.
        await InTurnAsync(new SnapshotConversationState(storage, ["stamped"]), async (state, turn) =>
        {
            await state.CreateProperty<DateTimeOffset?>("stamped").SetAsync(turn, first.AddMinutes(2));
            await state.SaveChangesAsync(turn);
        });
        Assert.Equal(1, storage.Writes);
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
            Assert.Equal(first, await state.CreateProperty<DateTimeOffset?>("stamped").GetAsync(turn, () => null)));

        // With another change it goes along.
        await InTurnAsync(new SnapshotConversationState(storage, ["stamped"]), async (state, turn) =>
        {
            await state.CreateProperty<DateTimeOffset?>("stamped").SetAsync(turn, first.AddMinutes(3));
            await state.CreateProperty<string>("step").SetAsync(turn, "order number");
            await state.SaveChangesAsync(turn);
        });
        Assert.Equal(2, storage.Writes);
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
            Assert.Equal((first.AddMinutes(3), "order number"), (await state.CreateProperty<DateTimeOffset?>("stamped").GetAsync(turn, () => null), await state.CreateProperty<string>("step").GetAsync(turn, () => ""))));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_cleared_state_is_saved_empty(string kind)
    {
        var storage = Create(kind);
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            await state.CreateProperty<string>("name").SetAsync(turn, "Anna");
            await state.SaveChangesAsync(turn);
        });

        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            await state.LoadAsync(turn);
            await state.ClearStateAsync(turn);
            await state.SaveChangesAsync(turn);
        });

        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
            Assert.Null(await state.CreateProperty<string>("name").GetAsync(turn, () => null!)));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task State_saved_by_the_stock_ConversationState_is_read_and_the_other_way_round(string kind)
    {
        var storage = Create(kind);
        await InTurnAsync(new ConversationState(storage), async (state, turn) =>
        {
            await state.CreateProperty<Profile>("profile").SetAsync(turn, new Profile { Name = "stock" });
            await state.SaveChangesAsync(turn);
        });

        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            var profile = state.CreateProperty<Profile>("profile");
            Assert.Equal("stock", (await profile.GetAsync(turn, () => new Profile())).Name);
            await profile.SetAsync(turn, new Profile { Name = "snapshot" });
            await state.SaveChangesAsync(turn);
        });

        await InTurnAsync(new ConversationState(storage), async (state, turn) =>
            Assert.Equal("snapshot", (await state.CreateProperty<Profile>("profile").GetAsync(turn, () => new Profile())).Name));
    }

    [Fact]
    public async Task Force_load_reads_what_another_turn_saved_meanwhile()
    {
        var storage = Create("sqlite");
        await InTurnAsync(new SnapshotConversationState(storage), async (state, turn) =>
        {
            Assert.Null(await state.CreateProperty<string>("name").GetAsync(turn, () => null!));
            await InTurnAsync(new SnapshotConversationState(storage), async (other, otherTurn) =>
            {
                await other.CreateProperty<string>("name").SetAsync(otherTurn, "Anna");
                await other.SaveChangesAsync(otherTurn);
            });

            await state.LoadAsync(turn, force: true);
            Assert.Equal("Anna", await state.CreateProperty<string>("name").GetAsync(turn, () => null!));
        });
    }

    private IStorage Create(string kind) => kind == "sqlite" ? new SqliteStorage(_database.Open(), new FakeTimeProvider()) : new MemoryStorage();

    private async Task InTurnAsync<TState>(TState state, Func<TState, ITurnContext, Task> turn)
        where TState : BotState
    {
        var activity = new Activity(ActivityTypes.Message) { ChannelId = "test", Conversation = new ConversationAccount(id: "c1"), From = new ChannelAccount("u1"), Recipient = new ChannelAccount("b1") };
        using var context = new TurnContext(_adapter, activity);
        await turn(state, context);
    }

    public sealed class Profile
    {
        public string? Name { get; set; }

        public List<string> Orders { get; set; } = [];

        public Dictionary<string, int> Seen { get; set; } = [];
    }

    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Writes { get; private set; }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            return inner.WriteAsync(changes, cancellationToken);
        }
    }
}
