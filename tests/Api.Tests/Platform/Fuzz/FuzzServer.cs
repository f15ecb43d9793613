using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityOfPractice.Api.Tests.Platform.Fuzz;

/// <summary>
/// The fuzz test's own Api on real Kestrel (real request limits, real WebSockets for the hub) with
/// its own database: thousands of odd requests, some of which succeed, must not leave their
/// places, people and threads in the lists other tests read.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzServer>
{
    public const string Name = "Fuzz";
}

public sealed class FuzzServer : ApiFactory
{
    public FuzzServer() => ListenOnFreePort();

    /// <summary>Everything the Api logs at Error or above, in order: an exception the one handler did not know is logged here.</summary>
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
    }
}

/// <summary>A logger provider that keeps errors so a case can be blamed for what was logged while it ran.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>Takes everything logged since the last call.</summary>
    public IReadOnlyList<string> Drain()
    {
        var drained = new List<string>();
        while (_entries.TryDequeue(out var entry))
        {
            drained.Add(entry);
        }

        return drained;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception);
                entries.Enqueue(exception is null
                    ? $"{category}: {message}"
                    : $"{category}: {message} -> {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
            }
        }
    }
}
