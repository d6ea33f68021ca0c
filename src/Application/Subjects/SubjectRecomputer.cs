using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>Recomputes and rewrites every episode and case of an authority (after its parameters or closure days change).</summary>
public sealed partial class SubjectRecomputer(ISubjectStore subjects, SubjectWriter writer, IClock clock, ILogger<SubjectRecomputer> logger)
{
    /// <summary>Recomputes each subject with the authority's current context; returns how many were rewritten.</summary>
    public async Task<int> RecomputeAllAsync(AuthorityContext context, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var count = 0;
        foreach (var kind in new[] { SubjectKind.Episode, SubjectKind.Case })
        {
            var ids = new List<string>();
            await foreach (var s in subjects.ListAsync(kind, context.Authority.Code, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(s.Id);
            }

            foreach (var id in ids)
            {
                await writer.UpdateAsync(
                    kind,
                    context.Authority.Code,
                    id,
                    current => current with { Milestones = [.. SubjectCalculator.Compute(current, context, today).Select(StoredMilestone.From)] },
                    actor,
                    $"{kind.Name()}.recomputed",
                    null,
                    cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        LogRecomputed(logger, context.Authority.Code, count);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recomputed {Count} subjects of {Authority} after its calendar inputs changed")]
    private static partial void LogRecomputed(ILogger logger, string authority, int count);
}
