using System.Collections.Concurrent;
using ConversationBot.Bot.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationBot.Bot.Tests.Messenger.Support;

/// <summary>The production bot with a record of every activity it was given, to show what reached it.</summary>
public sealed class RecordingBot(IServiceProvider services) : IBot
{
    private readonly CustomerServiceBot _inner = ActivatorUtilities.CreateInstance<CustomerServiceBot>(services);
    private readonly ConcurrentQueue<Activity> _received = new();

    public IReadOnlyList<Activity> Received => [.. _received];

    public static void Replace(IServiceCollection services)
    {
        services.AddSingleton<RecordingBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<RecordingBot>());
    }

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        _received.Enqueue(turnContext.Activity);
        return _inner.OnTurnAsync(turnContext, cancellationToken);
    }
}
