using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Scheduler.Application.Imports;
using Scheduler.Returns;

namespace Scheduler.Functions.Imports;

/// <summary>
/// A <c>multipart/form-data</c> upload of a return, read as it arrives (never buffered whole): first the optional
/// fields <c>kind</c>, <c>year</c> and <c>dry_run</c> (which may also be query parameters), then the files, each
/// a part with a filename, handed to the importer one after another straight from the request body.
/// </summary>
internal sealed class ImportUpload
{
    /// <summary>The fields an upload may carry besides its files.</summary>
    public const string FieldNames = "kind, year, dry_run";

    private const int MaxFieldBytes = 200;

    private readonly MultipartReader _reader;
    private readonly int _maxFiles;
    private MultipartSection? _first;

    private ImportUpload(MultipartReader reader, int maxFiles)
    {
        _reader = reader;
        _maxFiles = maxFiles;
    }

    /// <summary>The return's kind: as given, else <c>cin</c> when the first file is XML (by name or media type), else <c>903</c>.</summary>
    public ReturnKind Kind { get; private set; }

    public CollectionYear? Year { get; private set; }

    public bool DryRun { get; private set; }

    /// <summary>The multipart boundary of a <c>multipart/form-data</c> request; null for any other body.</summary>
    public static string? Boundary(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70 ? null : boundary;
    }

    /// <summary>Reads the fields up to the first file; throws <see cref="ValidationException"/> naming the field at fault.</summary>
    public static async Task<ImportUpload> OpenAsync(HttpRequest request, string boundary, ImportLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            throw new TooLargeException(limits.MaxRequestBytes);
        }

        // The server's own limit (Kestrel's 30 MB) would cut the body off as a broken read; the upload stream enforces ours.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        var body = new UploadStream(request.Body, limits.MaxRequestBytes, leaveOpen: true);
        var upload = new ImportUpload(new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 }, limits.MaxFiles);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await upload.NextAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            var (name, isFile) = Describe(section);
            if (isFile)
            {
                upload._first = section;
                break;
            }

            if (!FieldNames.Split(", ").Contains(name, StringComparer.Ordinal))
            {
                throw new ValidationException(name, $"is not a field of an import (the fields are {FieldNames}; the files are parts with a filename)");
            }

            if (!fields.TryAdd(name, await ReadFieldAsync(section, name, cancellationToken).ConfigureAwait(false)))
            {
                throw new ValidationException(name, "is given twice");
            }
        }

        if (upload._first is null)
        {
            throw new ValidationException("file", "is required: the return's files as multipart/form-data parts with a filename");
        }

        upload.Kind = Field(request, fields, "kind") is { } kind
            ? ReturnKinds.Parse(kind) ?? throw new ValidationException("kind", $"must be {ReturnKinds.Accepted}")
            : LooksLikeXml(upload._first) ? ReturnKind.CinCensus : ReturnKind.Ssda903;
        upload.Year = Field(request, fields, "year") is { } year
            ? CollectionYear.Parse(year) ?? throw new ValidationException("year", "must be a collection year: YYYY (the year it ends, 31 March) or YYYY/YY")
            : null;
        upload.DryRun = Field(request, fields, "dry_run") is { } dryRun && ParseBool(dryRun);
        return upload;
    }

    /// <summary>
    /// The files, one after another as the body arrives. Each is read from the request as the importer reads it;
    /// asking for the next one skips whatever of the previous one the importer left. A field after the files is refused.
    /// </summary>
    public async IAsyncEnumerable<ReturnFile> Files([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        for (var section = _first; section is not null; section = await NextAsync(cancellationToken).ConfigureAwait(false))
        {
            var (name, isFile) = Describe(section);
            if (!isFile)
            {
                throw new ValidationException(name, "must come before the files (or be given in the query string)");
            }

            if (++count > _maxFiles)
            {
                throw new ValidationException("file", $"at most {_maxFiles} files in one import");
            }

            yield return ReturnFile.FromStream(name, new UploadStream(section.Body, null, leaveOpen: false));
        }
    }

    private async Task<MultipartSection?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (UploadStream.IsMalformed(ex))
        {
            throw UploadStream.Refusal(ex, null);
        }
    }

    /// <summary>A field part's name, or a file part's file name (without any folder, which may say whose machine it came from).</summary>
    private static (string Name, bool IsFile) Describe(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException("body", "every part needs a Content-Disposition: form-data header with a name");
        }

        if (disposition.IsFileDisposition())
        {
            var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
            var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
            return (name.Length == 0 ? "unnamed file" : name[..Math.Min(name.Length, 255)], true);
        }

        var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
        return (field.Length is 0 or > 64 ? "body" : field, false);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await new UploadStream(section.Body, null, leaveOpen: true).ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total > MaxFieldBytes
            ? throw new ValidationException(name, $"is longer than {MaxFieldBytes} bytes")
            : Encoding.UTF8.GetString(buffer, 0, total).Trim();
    }

    /// <summary>A field from the form or the query string; both may give it, if they agree.</summary>
    private static string? Field(HttpRequest request, Dictionary<string, string> form, string name)
    {
        var query = request.Query.TryGetValue(name, out var values) ? values.ToString().Trim() : null;
        var field = form.GetValueOrDefault(name);
        if (query is not null && field is not null && !string.Equals(query, field, StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException(name, "is given in the query string and the form with different values");
        }

        return field ?? query;
    }

    private static bool ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" or "" => false,
        _ => throw new ValidationException("dry_run", "must be true or false"),
    };

    private static bool LooksLikeXml(MultipartSection section) =>
        Describe(section).Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || (section.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) ?? false);
}
