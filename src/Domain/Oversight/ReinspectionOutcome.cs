using NodaTime;

namespace Scheduler.Domain.Oversight;

/// <summary>
/// The re-inspection's result: inadequate restarts the monitoring cycle from <see cref="ReportReceived"/>;
/// requires improvement starts 12 months of DfE support; good or outstanding ends intervention.
/// </summary>
public sealed record ReinspectionOutcome(LocalDate ReportReceived, Judgement Judgement);
