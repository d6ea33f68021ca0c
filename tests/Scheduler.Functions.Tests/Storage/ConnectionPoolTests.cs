using System.Net.Sockets;
using Azure.Core.Pipeline;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Tests.Storage;

/// <summary>
/// The transport must give up pooled sockets before Azurite's 5 s keep-alive does, or a request can race the
/// server's close. SocketsHttpHandler usually notices an already-closed socket, so the 6 s Azurite test alone
/// cannot catch a too-long idle timeout; this one can.
/// </summary>
public sealed class ConnectionPoolTests
{
    [Fact]
    public void Idle_timeout_is_below_azurites_five_seconds()
    {
        Assert.True(StorageTransport.PooledConnectionIdleTimeout < TimeSpan.FromSeconds(5));
        Assert.Equal(StorageTransport.PooledConnectionIdleTimeout, StorageTransport.CreateHandler().PooledConnectionIdleTimeout);
    }

    [Fact]
    public async Task Pooled_socket_is_reused_when_busy_and_replaced_after_4_5_s_idle()
    {
        const string entity = """{"PartitionKey":"p","RowKey":"r"}""";
        using var server = new ScriptedHttpServer((200, entity));
        var connects = 0;
        var handler = StorageTransport.CreateHandler();
        handler.ConnectCallback = async (context, ct) =>
        {
            Interlocked.Increment(ref connects);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        var table = new TableClient(
            StorageConnection.Parse($"AccountName=devstoreaccount1;AccountKey={StorageConnection.DevelopmentAccountKey};TableEndpoint={server.Endpoint}"),
            "anytable",
            options);

        await table.GetEntityIfExistsAsync("p", "r");
        await table.GetEntityIfExistsAsync("p", "r");
        Assert.Equal(1, connects);

        // Longer than our idle timeout, shorter than Azurite's: only our own pool policy can close it.
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        await table.GetEntityIfExistsAsync("p", "r");
        Assert.Equal(2, connects);
    }
}
