using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>Every log entry of a host at Information and above, formatted, for tests that check what is (and is not) logged.</summary>
public sealed class RecordedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public IEnumerable<string> At(LogLevel level) => _entries.Where(e => e.Level == level).Select(e => e.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
