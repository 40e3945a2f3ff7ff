namespace DeepForge.Models;

/// <summary>
/// Who runs an execution, as the store says: the holder (one process, <c>host/pid/instance</c>), the epoch of its
/// claim (one more than the claim before, the fencing token of its writes) and when the lease runs out unless renewed.
/// When it has run out, any server may take the execution over by compare-and-set on the execution's record.
/// </summary>
/// <param name="Holder">The process holding the lease.</param>
/// <param name="Epoch">The number of the claim; every writer of the execution checks it is still its own.</param>
/// <param name="ExpiresAt">When the lease ends unless its holder renews it.</param>
public sealed record ExecutionLease(string Holder, long Epoch, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the lease has run out at <paramref name="now"/>.</summary>
    public bool ExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>Whether this is the same claim (holder and epoch) as <paramref name="other"/>.</summary>
    public bool SameClaim(ExecutionLease? other) => other != null && other.Holder == Holder && other.Epoch == Epoch;
}
