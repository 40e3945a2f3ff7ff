using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>
/// A TCP relay on 127.0.0.1 between one worker and the server that keeps a copy of what the server
/// sent. The lease tokens a worker was given are read from it: the worker keeps them only in memory,
/// so this is how a test holds the token of a worker it killed, to send that worker's late report.
/// </summary>
internal sealed partial class RecordingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _fromServer = new();
    private readonly List<TcpClient> _connections = [];

    public RecordingProxy(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The lease tokens the server handed out through this relay, by job id.</summary>
    public IReadOnlyDictionary<string, string> LeaseTokens()
    {
        string text;
        lock (_fromServer) text = _fromServer.ToString();
        var tokens = new Dictionary<string, string>();
        foreach (Match match in LeasedJob().Matches(text)) tokens[match.Groups[1].Value] = match.Groups[2].Value;
        return tokens;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_connections) foreach (var connection in _connections) connection.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient worker;
            try { worker = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = RelayAsync(worker);
        }
    }

    private async Task RelayAsync(TcpClient worker)
    {
        using var server = new TcpClient();
        lock (_connections) { _connections.Add(worker); _connections.Add(server); }
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
            // When either side ends, the other is closed too: a killed worker's connections end at the server as well.
            await Task.WhenAny(CopyAsync(worker.GetStream(), server.GetStream(), record: false), CopyAsync(server.GetStream(), worker.GetStream(), record: true));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            worker.Dispose();
            lock (_connections) { _connections.Remove(worker); _connections.Remove(server); }
        }
    }

    private async Task CopyAsync(Stream from, Stream to, bool record)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await from.ReadAsync(buffer, _stop.Token) is var read and > 0)
            {
                if (record) lock (_fromServer) _fromServer.Append(Encoding.Latin1.GetString(buffer, 0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    // A LeasedJob as the server writes it: {"jobId":"...","leaseToken":"...","spec":...}.
    [GeneratedRegex("\"jobId\":\"([^\"]+)\",\"leaseToken\":\"([^\"]+)\"")]
    private static partial Regex LeasedJob();
}
