using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// A configuration source holding nothing that remembers every key asked of it. Added last (asked first), it sees
/// every key the app reads directly, and the section each options class is bound to (the binder asks for the
/// section's own value before it binds the properties that exist).
/// </summary>
public sealed class RecordingConfiguration : IConfigurationSource
{
    /// <summary>Every key asked for, in order, as asked (':' separated).</summary>
    public ConcurrentQueue<string> Keys { get; } = new();

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(Keys);

    private sealed class Provider(ConcurrentQueue<string> keys) : ConfigurationProvider
    {
        public override bool TryGet(string key, out string? value)
        {
            keys.Enqueue(key);
            value = null;
            return false;
        }
    }
}
