using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>Every log line of the harnessed app, kept for assertions (warnings at start, errors in Production).</summary>
public sealed class HarnessLog : ILoggerProvider
{
    private readonly ConcurrentQueue<HarnessLogEntry> _entries = new();

    public IReadOnlyList<HarnessLogEntry> Entries => [.. _entries];

    public IEnumerable<HarnessLogEntry> AtLeast(LogLevel level) => _entries.Where(e => e.Level >= level);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<HarnessLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            entries.Enqueue(new HarnessLogEntry(logLevel, category, formatter(state, exception), exception));
        }
    }
}

/// <summary>One log line.</summary>
public sealed record HarnessLogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : " " + Exception.Message)}";
}
