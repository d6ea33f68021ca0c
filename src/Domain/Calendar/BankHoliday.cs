using NodaTime;

namespace Scheduler.Domain.Calendar;

/// <summary>A bank or public holiday in England and Wales: a non-working day under the statutory working-day definition.</summary>
public sealed record BankHoliday(LocalDate Date, string Name);
