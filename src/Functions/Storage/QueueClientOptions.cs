namespace Scheduler.Functions.Storage;

/// <summary>How message text is put on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 then base64, like the SDK's Base64 option and the Functions host's queue trigger expects.</summary>
    Base64,

    /// <summary>Text as-is (XML-escaped).</summary>
    None,
}

/// <summary>Options for <see cref="QueueClient"/>.</summary>
public sealed class QueueClientOptions : StorageClientOptions
{
    /// <summary>Message body encoding; base64 by default so JSON and any Unicode survive the XML envelope.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
