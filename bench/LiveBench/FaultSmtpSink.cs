using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CommunityOfPractice.LiveBench;

/// <summary>
/// A real SMTP server for bench/faults/outbox-restart.sh: every message it accepts is one line
/// (its Message-Id) appended to a file, so the script can count each email's copies while the Api
/// that sends them is killed and started again. A pause at each recipient, before the message is
/// taken, makes a send of a few hundred last long enough to be cut in the middle without widening
/// the window in which a message is taken but not yet marked sent.
/// </summary>
public static class FaultSmtpSink
{
    public static async Task<int> RunAsync(string[] args)
    {
        int? port = null;
        string? output = null;
        var delay = TimeSpan.Zero;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Path.GetFullPath(Next()); break;
                case "--delay-ms": delay = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                default:
                    Console.Error.WriteLine($"LiveBench smtp-sink: unknown option {arg}\n\n{Faults.Usage}");
                    return 2;
            }
        }

        if (port is null || output is null)
        {
            Console.Error.WriteLine($"LiveBench smtp-sink: --port and --out are required\n\n{Faults.Usage}");
            return 2;
        }

        await using var file = new StreamWriter(new FileStream(output, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port.Value))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(file));
        services.Add(new SlowRecipients(delay));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        Console.Error.WriteLine($"smtp-sink on 127.0.0.1:{port} writing to {output}");
        try
        {
            await new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private sealed class Store(StreamWriter file) : MessageStore
    {
        private readonly Lock _gate = new();

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var id = MessageId(buffer) ?? "(none)";
            lock (_gate)
            {
                file.WriteLine(id);
            }

            return Task.FromResult(SmtpResponse.Ok);
        }

        // Only the Message-Id header is read: the sink shares the cores with the Api under test.
        private static string? MessageId(ReadOnlySequence<byte> buffer)
        {
            var text = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 16_384)));
            foreach (var line in text.Split("\r\n"))
            {
                if (line.Length == 0)
                {
                    break; // end of the headers
                }

                if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                {
                    return line["Message-Id:".Length..].Trim(' ', '<', '>').Split('@')[0];
                }
            }

            return null;
        }
    }

    private sealed class SlowRecipients(TimeSpan delay) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return true;
        }
    }
}
