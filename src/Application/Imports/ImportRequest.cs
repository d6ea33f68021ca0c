using Scheduler.Returns;

namespace Scheduler.Application.Imports;

/// <summary>
/// One import: which return, its files in the order they arrive (an upload is read as it comes, one file after
/// another), the collection year whose code lists apply (null: from the return or today) and whether to write.
/// </summary>
/// <param name="Kind">The return the files make up.</param>
/// <param name="Files">The files; a census is exactly one.</param>
/// <param name="Year">The collection year, or null for the importer's default.</param>
/// <param name="DryRun">True: work out and report everything, write nothing.</param>
public sealed record ImportRequest(ReturnKind Kind, IAsyncEnumerable<ReturnFile> Files, CollectionYear? Year = null, bool DryRun = false);
