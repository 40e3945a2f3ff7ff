using DeepForge.Runner.Protocol;

namespace DeepForge.Client;

/// <summary>
/// The worker's side of the runner protocol (<see cref="RunnerProtocol"/>) and the blobs jobs read and write. Every
/// request carries the protocol version. A lost lease is an answer (null or false), not an error; every other failure is a
/// <see cref="DeepForgeApiException"/>.
/// </summary>
public interface IRunnerClient
{
    /// <summary>The server this client talks to.</summary>
    Uri ServerUrl { get; }

    /// <summary>Waits (long-poll) for a job this worker can run; null when the server had none.</summary>
    Task<LeasedJob?> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken);

    /// <summary>Reports a running job; null when the lease is lost (409, or 404: the server has no such job any more).</summary>
    Task<HeartbeatReply?> HeartbeatAsync(string jobId, HeartbeatRequest request, CancellationToken cancellationToken);

    /// <summary>Completes a job; false when the lease is lost.</summary>
    Task<bool> CompleteAsync(string jobId, CompleteRequest request, CancellationToken cancellationToken);

    /// <summary>Fails a job; false when the lease is lost.</summary>
    Task<bool> FailAsync(string jobId, FailRequest request, CancellationToken cancellationToken);

    /// <summary>Starts reading a blob from <paramref name="offset"/> (a Range request when above 0). The caller disposes the response; a 416 is passed on.</summary>
    Task<HttpResponseMessage> GetBlobAsync(string hash, long offset, CancellationToken cancellationToken);

    /// <summary>The size of a blob the server has, or null when it has none.</summary>
    Task<long?> BlobSizeAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Uploads a blob file; the server checks its content against the hash.</summary>
    Task PutBlobAsync(string hash, string path, CancellationToken cancellationToken);
}
