using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Conversation;
using ConversationBot.Bot.Hosting;
using ConversationBot.Bot.Notifications;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Bot.Tests.Notifications.Fakes;
using ConversationBot.Notifications.OptIns;
using ConversationBot.Notifications.StopRate;
using ConversationBot.Notifications.Subscriptions;
using ConversationBot.Notifications.Window;
using ConversationBot.Bot.Tests.Fakes;
using ConversationBot.Dialogs.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// The bot as production wires it (the shipped appsettings.json, the real dialogs and sample
/// orders) on a TestAdapter, with memory storage, an in-memory hand-off store and a fake clock.
/// </summary>
public sealed class ConversationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConversationHarness(ServiceProvider services, IStorage storage)
    {
        _services = services;
        Storage = storage;
    }

    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public InMemoryHandoffStore Handoffs => (InMemoryHandoffStore)_services.GetRequiredService<IHandoffStore>();

    public IStorage Storage { get; }

    public IMessagingWindowStore Windows => _services.GetRequiredService<IMessagingWindowStore>();

    public InMemorySubscriptionStore Subscriptions => (InMemorySubscriptionStore)_services.GetRequiredService<ISubscriptionStore>();

    public IBot Bot => _services.GetRequiredService<IBot>();

    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static ConversationHarness Create(IStorage? storage = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.BotProject, "appsettings.json"))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        storage ??= new MemoryStorage();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(NullLoggerProvider.Instance));
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<IHandoffStore, InMemoryHandoffStore>();
        services.AddSingleton<IHandoffTranscriptStore, InMemoryHandoffTranscriptStore>();
        services.AddSingleton<ISubscriptionStore, InMemorySubscriptionStore>();
        services.AddSingleton<IOfferHistoryStore, InMemoryOfferHistoryStore>();
        services.AddSingleton<IMessagingWindowStore, InMemoryMessagingWindowStore>();
        services.AddSingleton<IPageStatusStore, InMemoryPageStatusStore>();
        services.AddSingleton<IStopRateCounterStore, InMemoryStopRateCounterStore>();
        services.AddSingleton<ConversationBot.Notifications.Funnel.IFunnelStore, InMemoryFunnelStore>();
        services.AddSingleton<ConversationBot.Notifications.Activity.ITopicActivityStore, InMemoryTopicActivityStore>();
        services.AddRecurringNotifications(configuration);
        services.AddSingleton(storage);
        services.AddSingleton<ConversationState, SnapshotConversationState>();
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName));
        services.AddCustomerServiceDialogs(configuration);
        services.AddBotTelemetry();
        services.AddConversation();
        return new ConversationHarness(services.BuildServiceProvider(validateScopes: true), storage);
    }

    /// <summary>A conversation as one customer, in one locale.</summary>
    public TestAdapter NewConversation(string locale = "en-US", string conversationId = "conversation-1", string userId = "customer-1")
    {
        var reference = TestAdapter.CreateConversation(conversationId, userId, "bot");
        return Stamped(new TestAdapter(reference) { Locale = locale });
    }

    /// <summary>A conversation on another channel (e.g. Messenger), stamped with the fake clock.</summary>
    public TestAdapter Stamped(TestAdapter adapter)
    {
        adapter.Use(new FakeClockTimestamps(Time));
        return adapter;
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "ConversationBot.Bot";

        public string ContentRootPath { get; set; } = RepositoryPaths.BotProject;

        public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(RepositoryPaths.BotProject);
    }
}
