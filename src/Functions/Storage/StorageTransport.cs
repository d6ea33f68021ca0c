using System.Net;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>HTTP transport for the storage adapters.</summary>
public static class StorageTransport
{
    /// <summary>
    /// Pooled connections are dropped after this long idle. Azurite closes idle sockets after 5 s; a pooled socket
    /// the server has already closed would fail the next request, so we give them up first.
    /// </summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4);

    /// <summary>One process-wide transport so all clients share a connection pool.</summary>
    public static HttpClientTransport Shared { get; } = Create();

    /// <summary>Creates a transport over a <see cref="SocketsHttpHandler"/> with the short idle timeout.</summary>
    public static HttpClientTransport Create() => new(new SocketsHttpHandler
    {
        PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    });
}
