namespace Scheduler.Returns;

/// <summary>
/// One file of a return, by name, opened when the importer reads it: a file on disk for the CLI, an uploaded
/// multipart section for the HTTP route. The importer reads each file once, front to back, and disposes it.
/// </summary>
public sealed record ReturnFile(string Name, Func<CancellationToken, ValueTask<Stream>> OpenAsync)
{
    /// <summary>A file on disk, named by its file name (never its folder, which may say whose machine it is on).</summary>
    public static ReturnFile FromPath(string path) =>
        new(Path.GetFileName(path), _ => ValueTask.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan)));

    /// <summary>A stream the caller already has (an uploaded file); the importer disposes it after reading.</summary>
    public static ReturnFile FromStream(string name, Stream stream) => new(name, _ => ValueTask.FromResult(stream));

    /// <summary>Every file directly in <paramref name="folder"/>, in name order (a 903 return is a folder of CSVs).</summary>
    public static IReadOnlyList<ReturnFile> InFolder(string folder) =>
        [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(FromPath)];
}
