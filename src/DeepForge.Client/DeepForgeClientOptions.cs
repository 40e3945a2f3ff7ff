namespace DeepForge.Client;

/// <summary>Which server a client talks to, as whom, and how patiently.</summary>
public sealed class DeepForgeClientOptions
{
    /// <summary>The server, e.g. <c>http://gpu-box:8888</c>. Required: an absolute http or https address.</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>Sent as a bearer token: a personal access token (<c>deepforge login</c>) or a worker token. Null or empty: none.</summary>
    public string? Token { get; set; }

    /// <summary>How often a request that failed in passing (no connection, 503, 429, ...) is sent again before the failure is thrown. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; each next one doubles, with jitter. Default: 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two retries. Default: 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a request with a small answer may take, retries included; uploads, downloads and a worker's long-poll are bounded otherwise. Default: 100 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long connecting to the server may take: a host that went away drops attempts silently, and a client should fail fast and retry. Default: 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
