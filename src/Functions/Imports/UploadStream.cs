namespace Scheduler.Functions.Imports;

/// <summary>
/// A read-only view of an upload's bytes that refuses more than a limit (<see cref="TooLargeException"/>, a 413) and
/// turns a body that breaks off, or is not well-formed multipart, into a 400 naming the body instead of a 500.
/// Hand-written because ASP.NET Core's own length-limited stream is internal, and the multipart reader reports a
/// truncated body as a bare <see cref="IOException"/>.
/// </summary>
internal sealed class UploadStream(Stream inner, long? limit, bool leaveOpen) : Stream
{
    /// <summary>The reason given when the body is not a complete multipart body.</summary>
    public const string Malformed = "the upload broke off or is not well-formed multipart/form-data; nothing was imported";

    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>Whether <paramref name="exception"/> says the body is broken (not a cancellation or our own refusal).</summary>
    public static bool IsMalformed(Exception exception) => exception is IOException or InvalidDataException;

    /// <summary>The refusal for a broken body: 413 when the server itself found it too large, else 400 naming the body.</summary>
    public static SchedulerException Refusal(Exception exception, long? limit) =>
        exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } && limit is { } bytes
            ? new TooLargeException(bytes)
            : new ValidationException("body", Malformed);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Counted(inner.Read(buffer));
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw Refusal(ex, limit);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw Refusal(ex, limit);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        _read += read;
        return limit is { } bytes && _read > bytes ? throw new TooLargeException(bytes) : read;
    }
}
