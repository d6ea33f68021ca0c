namespace Scheduler.Application.Ports;

/// <summary>A store refused a conditional write: the row changed since it was read, or (for an insert) it exists already.</summary>
public sealed class StoreConflictException(string message, bool alreadyExists, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True for an insert whose key was taken; false for a replace whose row had moved on.</summary>
    public bool AlreadyExists { get; } = alreadyExists;
}
