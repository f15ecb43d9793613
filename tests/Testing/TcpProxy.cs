using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CommunityOfPractice.Testing;

/// <summary>
/// A TCP forwarder between the app under test and a real server (PostgreSQL), which a test can
/// cut: <see cref="Cut"/> drops every open connection and refuses new ones until <see cref="Restore"/>,
/// as an outage would, without stopping the server that other tests share.
/// </summary>
public sealed class TcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _cut;

    public TcpProxy(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _open)
        {
            client.Dispose();
            server.Dispose();
        }

        _open.Clear();
    }

    public void Restore() => _cut = false;

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        Cut();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_cut)
            {
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
            _open[client] = server;
            await Task.WhenAny(
                client.GetStream().CopyToAsync(server.GetStream(), _stopping.Token),
                server.GetStream().CopyToAsync(client.GetStream(), _stopping.Token));
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The outage a test asked for, or the end of the test.
        }
        finally
        {
            _open.TryRemove(client, out _);
            client.Dispose();
            server.Dispose();
        }
    }
}
