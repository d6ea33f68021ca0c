using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>
/// Storage Queue REST client for one queue, shaped like <c>Azure.Storage.Queues.QueueClient</c>
/// (the official package does not restore here; swapping it in touches this file).
/// </summary>
public sealed class QueueClient
{
    /// <summary>Largest message body the service accepts, after encoding.</summary>
    public const int MaxMessageChars = 64 * 1024;

    private readonly HttpPipeline _pipeline;
    private readonly string _queueUri;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Creates a client from a connection string.</summary>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), queueName, options)
    {
    }

    /// <summary>Creates a client for a queue of the given connection.</summary>
    public QueueClient(StorageConnection connection, string queueName, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ValidateQueueName(queueName);
        options ??= new QueueClientOptions();
        _pipeline = StoragePipeline.Build(connection, StorageService.Queue, options);
        _encoding = options.MessageEncoding;
        Name = queueName;
        _queueUri = connection.RequireQueueEndpoint().AbsoluteUri.TrimEnd('/') + "/" + queueName;
    }

    /// <summary>Creates a client from a queue service URI and a token credential (managed identity in Azure).</summary>
    public QueueClient(Uri queueServiceUri, string queueName, TokenCredential credential, QueueClientOptions? options = null)
        : this(StorageConnection.FromServiceUris(null, queueServiceUri, credential), queueName, options)
    {
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The queue's URI.</summary>
    public Uri Uri => new(_queueUri);

    /// <summary>Creates the queue; returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(RequestMethod.Put, string.Empty, null, null, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204)
        {
            // 204: it already existed with the same (empty) metadata.
            return response.Status == 201;
        }

        // 409 also means "being deleted"; only "already exists" is the benign outcome.
        var (code, detail) = StorageErrors.Parse(response);
        return response.Status == 409 && code is (null or "QueueAlreadyExists")
            ? false
            : throw StorageErrors.Create(response.Status, code, detail, $"Create queue {Name}");
    }

    /// <summary>Deletes the queue; returns false when it did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(RequestMethod.Delete, string.Empty, null, null, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageErrors.Create(response, $"Delete queue {Name}"),
        };
    }

    /// <summary>
    /// Enqueues a message. <paramref name="visibilityTimeout"/> delays its first delivery; <paramref name="timeToLive"/>
    /// defaults to the service's 7 days (<see cref="Timeout.InfiniteTimeSpan"/> = never expires).
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var encoded = Encode(messageText);
        if (encoded.Length > MaxMessageChars)
        {
            throw new ArgumentException(
                $"Message is {encoded.Length} characters once encoded; the queue limit is {MaxMessageChars}.", nameof(messageText));
        }

        var query = new List<(string, string)>();
        if (visibilityTimeout is { } delay)
        {
            query.Add(("visibilitytimeout", Seconds(delay, nameof(visibilityTimeout))));
        }

        if (timeToLive is { } ttl)
        {
            query.Add(("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl, nameof(timeToLive))));
        }

        var response = await SendAsync(RequestMethod.Post, "/messages", query, MessageBody(encoded), cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            throw StorageErrors.Create(response, $"Send to queue {Name}");
        }

        var m = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return new SendReceipt(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")!.Value,
            Date(m, "InsertionTime"),
            Date(m, "ExpirationTime"),
            Date(m, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1-32) messages, hiding them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var query = new List<(string, string)>();
        if (maxMessages is { } count)
        {
            query.Add(("numofmessages", CheckCount(count)));
        }

        if (visibilityTimeout is { } timeout)
        {
            query.Add(("visibilitytimeout", Seconds(timeout, nameof(visibilityTimeout))));
        }

        var response = await SendAsync(RequestMethod.Get, "/messages", query, null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StorageErrors.Create(response, $"Receive from queue {Name}");
        }

        return XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage")
            .Select(m => new QueueMessage(
                m.Element("MessageId")!.Value,
                m.Element("PopReceipt")!.Value,
                long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
                Date(m, "InsertionTime"),
                Date(m, "ExpirationTime"),
                Date(m, "TimeNextVisible"),
                Decode(m.Element("MessageText")?.Value ?? string.Empty)))
            .ToList();
    }

    /// <summary>Returns up to <paramref name="maxMessages"/> (1-32) visible messages without hiding them.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var query = new List<(string, string)> { ("peekonly", "true") };
        if (maxMessages is { } count)
        {
            query.Add(("numofmessages", CheckCount(count)));
        }

        var response = await SendAsync(RequestMethod.Get, "/messages", query, null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StorageErrors.Create(response, $"Peek queue {Name}");
        }

        return XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage")
            .Select(m => new PeekedMessage(
                m.Element("MessageId")!.Value,
                long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
                Date(m, "InsertionTime"),
                Date(m, "ExpirationTime"),
                Decode(m.Element("MessageText")?.Value ?? string.Empty)))
            .ToList();
    }

    /// <summary>Deletes a received message. Throws <see cref="RequestFailedException"/> (404) if the pop receipt is stale or the message gone.</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var response = await SendAsync(
            RequestMethod.Delete, "/messages/" + Uri.EscapeDataString(messageId), [("popreceipt", popReceipt)], null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StorageErrors.Create(response, $"Delete message {messageId} from queue {Name}");
        }
    }

    /// <summary>
    /// Changes a received message's visibility (and optionally its text). The old pop receipt stops working;
    /// use the returned one.
    /// </summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(
        string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var query = new List<(string, string)>
        {
            ("popreceipt", popReceipt),
            ("visibilitytimeout", Seconds(visibilityTimeout, nameof(visibilityTimeout))),
        };
        var body = messageText is null ? null : MessageBody(Encode(messageText));
        var response = await SendAsync(RequestMethod.Put, "/messages/" + Uri.EscapeDataString(messageId), query, body, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StorageErrors.Create(response, $"Update message {messageId} in queue {Name}");
        }

        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return new UpdateReceipt(
            newReceipt ?? throw new RequestFailedException(204, "Update message: the service returned no pop receipt.", "MissingPopReceipt", null),
            ParseDate(nextVisible));
    }

    /// <summary>The approximate number of messages (the service's <c>x-ms-approximate-messages-count</c>).</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(RequestMethod.Get, string.Empty, [("comp", "metadata")], null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StorageErrors.Create(response, $"Get properties of queue {Name}");
        }

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : throw new RequestFailedException(200, "Queue properties had no x-ms-approximate-messages-count header.", "MissingHeader", null);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(RequestMethod.Delete, "/messages", null, null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StorageErrors.Create(response, $"Clear queue {Name}");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the name is 3-63 lower-case letters, digits and single hyphens.</summary>
    public static void ValidateQueueName(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        var valid = queueName.Length is >= 3 and <= 63
            && queueName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && queueName[0] != '-' && queueName[^1] != '-'
            && !queueName.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException(
                $"Queue name '{queueName}' is invalid: use 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(queueName));
        }
    }

    private string Encode(string text) =>
        _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    // Text that is not base64 was not written by a Base64 client: hand it over raw rather than fail the whole
    // receive, so the consumer can dead-letter it with a reason.
    private string Decode(string text)
    {
        if (_encoding != QueueMessageEncoding.Base64)
        {
            return text;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written)
            ? new UTF8Encoding(false, true).GetStringOrNull(buffer.AsSpan(0, written)) ?? text
            : text;
    }

    private static byte[] MessageBody(string encoded) =>
        Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", encoded)).ToString(SaveOptions.DisableFormatting));

    private static string CheckCount(int count) =>
        count is >= 1 and <= 32
            ? count.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(count), count, "Message count must be 1-32.");

    private static string Seconds(TimeSpan value, string name) =>
        value >= TimeSpan.Zero
            ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(name, value, "Must not be negative.");

    private static DateTimeOffset? Date(XElement message, string name) => ParseDate(message.Element(name)?.Value);

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    private async Task<Response> SendAsync(
        RequestMethod method, string path, IReadOnlyList<(string Name, string Value)>? query, byte[]? body, CancellationToken cancellationToken)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(_queueUri + path));
        foreach (var (name, value) in query ?? [])
        {
            request.Uri.AppendQuery(name, value, escapeValue: true);
        }

        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
            request.Content = RequestContent.Create(body);
        }

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }
}
