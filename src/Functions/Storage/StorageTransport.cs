using System.Net;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>HTTP transport for the storage adapters.</summary>
public static class StorageTransport
{
    /// <summary>
    /// Pooled connections are dropped after this long idle. Azurite closes idle sockets after 5 s, and a request
    /// sent just as the server closes its socket fails. The pool's scavenger only runs periodically (observed:
    /// a 4 s timeout still reused a socket after 4.5 s), so leave a wide margin below 5 s.
    /// </summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2);

    /// <summary>One process-wide transport so all clients share a connection pool.</summary>
    public static HttpClientTransport Shared { get; } = Create();

    /// <summary>Creates a transport over a <see cref="SocketsHttpHandler"/> with the short idle timeout.</summary>
    public static HttpClientTransport Create() => new(CreateHandler());

    /// <summary>The handler behind <see cref="Create"/>, exposed so tests can observe its connections.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    };
}
