using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>
/// Writes a server's log, with millisecond times, to a file: DEEPFORGE_TEST_LOGS=FOLDER keeps one file per
/// server in FOLDER, for looking into a test that fails only when the whole project runs (the console
/// logger's output does not reach the test runner's).
/// </summary>
internal sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly BlockingCollection<string> _lines = new();
    private readonly Lazy<Task> _writer;

    public FileLoggerProvider(string path) => _writer = new(() => Task.Run(() => Write(path)));

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    internal void Add(string line)
    {
        // A host may still log while it stops, after this provider was disposed: such lines are dropped.
        if (_lines.IsAddingCompleted) return;
        _ = _writer.Value;
        try { _lines.TryAdd($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}"); }
        catch (InvalidOperationException) { }
    }

    private void Write(string file)
    {
        using var writer = new StreamWriter(file, append: true) { AutoFlush = true };
        foreach (var line in _lines.GetConsumingEnumerable()) writer.WriteLine(line);
    }

    public void Dispose() => _lines.CompleteAdding();

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add($"{logLevel,-11} {category}: {formatter(state, exception)}{(exception != null ? " " + exception.GetType().Name + ": " + exception.Message : "")}");
    }
}
