namespace DeepForge.Runner.Protocol;

/// <summary>
/// The runner protocol between a server and its workers, over HTTP with JSON bodies (camelCase).
/// Every request carries <see cref="VersionHeader"/> and the worker token as a bearer token.
/// <code>
/// POST /api/v1/runners/lease          LeaseRequest      -> 200 LeasedJob | 204 (no job within the long-poll)
/// POST /api/v1/jobs/{jobId}/heartbeat HeartbeatRequest  -> 200 HeartbeatReply | 409 lease lost
/// POST /api/v1/jobs/{jobId}/complete  CompleteRequest   -> 200 | 409 lease lost or already completed
///                                                          | 422 outputs refused (not exactly the declared ones, a blob not uploaded or of
///                                                            another size): the job fails with that reason
/// POST /api/v1/jobs/{jobId}/fail      FailRequest       -> 200 | 409 lease lost
/// GET  /api/v1/blobs/{sha256}         (Range supported) -> the bytes
/// PUT  /api/v1/blobs/{sha256}         the bytes         -> 201 | 400 when the content does not match the hash
///                                                          | 507 the server's blob folder is full (a worker fails the job; it does not retry)
/// </code>
/// A leased job's spec lists the extensions the server has installed (id, version, blob of a zip of their
/// assemblies): the worker fetches those blobs like any other, unpacks them into its cache and loads them
/// in the job's process before the job runs.
/// </summary>
public static class RunnerProtocol
{
    /// <summary>The protocol's version: raised when a request or reply changes in a way an older side cannot read.</summary>
    public const int Version = 1;

    /// <summary>The header every request carries with <see cref="Version"/>; a server refuses another version with 400.</summary>
    public const string VersionHeader = "X-DeepForge-Protocol";

    /// <summary>How long a lease lasts without a heartbeat unless the server is configured otherwise.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    /// <summary>The longest a lease request waits for a job.</summary>
    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);

    /// <summary>How many leases of one job may expire before it fails, unless the server is configured otherwise.</summary>
    public const int DefaultMaxAttempts = 3;
}
