using DeepForge.Models;

namespace DeepForge.Feedback;

/// <summary>
/// A checkpoint an operation stored (<see cref="Operations.OperationContext.Checkpoint{T}"/>), as it travels with the
/// feedback: an event of kind <c>checkpoint</c> naming the blob. It takes the feedback's path so it reaches the node from
/// a job in this process, in a worker's child process and on a remote worker alike; a worker uploads the blob before
/// it sends the event.
/// </summary>
public static class CheckpointReport
{
    /// <summary>The feedback kind.</summary>
    public const string Kind = "checkpoint";

    /// <summary>The event that carries a stored checkpoint.</summary>
    public static FeedbackEvent Event(OutputValue value) =>
        new() { Kind = Kind, Id = "checkpoint", Text = value.Hash, Parent = value.DataType, Points = [value.Size] };

    /// <summary>The checkpoint an event carries, or null when it is none.</summary>
    public static OutputValue? From(FeedbackEvent e) =>
        e is { Kind: Kind, Text: { } hash, Parent: { } type, Points: [var size, ..] } ? new OutputValue(type, hash, (long)size) : null;
}
