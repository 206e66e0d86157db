namespace ConversationBot.Bot.Tests.EndToEnd.Support;

/// <summary>What every end-to-end test over the Emulator's protocol needs: a database file of its own and a channel that receives the replies.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected TempDatabase Database { get; } = new();

    protected FakeChannel Channel { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Channel = await FakeChannel.StartAsync();

    public virtual async Task DisposeAsync()
    {
        await Channel.DisposeAsync();
        Database.Dispose();
    }
}
