using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CommunityOfPractice.Testing;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) that keeps what it receives,
/// parsed by MimeKit. It can be stopped and started again on the same port, to make an outage.
/// </summary>
public sealed class TestSmtp : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();

    // Completed (and replaced) each time a message arrives: what a waiter awaits instead of polling.
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _running;
    private Task? _server;

    public TestSmtp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => [.. _received];

    /// <summary>How long the server takes over each message before accepting it: a slow server, to stop an Api mid-send.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Mail to these addresses is refused for good (550), as a server refuses a mailbox that does not exist.</summary>
    public ConcurrentDictionary<string, int> Refusing { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings that point an Api at this server, polling fast and retrying soon.</summary>
    public IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Email:Smtp:Host", "127.0.0.1"),
        ("Email:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Email:Smtp:Security", "None"),
        ("Email:PollInterval", "00:00:00.200"),
        ("Email:RetryDelayCap", "00:00:01"),
    ];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received, Refusing, () => Delay, Arrived));
        _running = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _server!;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    /// <summary>Waits until <paramref name="count"/> messages match, and returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            // Taken before looking, so a message that arrives in between completes it.
            var arrival = Volatile.Read(ref _arrival).Task;
            var found = _received.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrival.WaitAsync(left).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            {
                throw new TimeoutException($"{count} matching messages did not arrive; {_received.Count(match)} did.");
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Arrived() =>
        Interlocked.Exchange(ref _arrival, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private sealed class Store(ConcurrentQueue<MimeMessage> received, ConcurrentDictionary<string, int> refusing, Func<TimeSpan> delay, Action arrived) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Counts each try, so a test can tell that a refused message was tried once.
            var refused = transaction.To.Select(to => $"{to.User}@{to.Host}").Where(refusing.ContainsKey).ToList();
            if (refused.Count > 0)
            {
                refused.ForEach(address => refusing.AddOrUpdate(address, 1, (_, tries) => tries + 1));
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such mailbox here");
            }

            if (delay() > TimeSpan.Zero)
            {
                await Task.Delay(delay(), CancellationToken.None);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            arrived();
            return SmtpResponse.Ok;
        }
    }
}
