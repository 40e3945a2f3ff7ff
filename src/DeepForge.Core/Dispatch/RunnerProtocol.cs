namespace DeepForge.Dispatch;

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
internal static class RunnerProtocol
{
    public const int Version = 1;
    public const string VersionHeader = "X-DeepForge-Protocol";
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);
    public const int DefaultMaxAttempts = 3;
}
