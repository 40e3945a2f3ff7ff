// In the builder's namespace so the server's options show up wherever DeepForge is configured.
namespace DeepForge.Hosting;

/// <summary>How the DeepForge server listens and hands jobs to workers. Checked when the app is built and started: a wrong value stops it with an OptionsValidationException naming the option.</summary>
public sealed class DeepForgeServerOptions
{
    /// <summary>Where to listen as one http URL, for example <c>http://127.0.0.1:8888</c>; when set it wins over <see cref="Host"/> and <see cref="Port"/>.</summary>
    public string? Urls { get; set; }

    /// <summary>The address to listen on: an IP address, <c>localhost</c>, or <c>*</c> for every interface. Default 127.0.0.1, so nothing is exposed unless asked.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 takes any free port (read the chosen one from the app's Urls after start). Default 8888.</summary>
    public int Port { get; set; } = 8888;

    /// <summary>How long a worker's lease on a job lasts without a heartbeat before the job goes back to the queue. Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a job may lose its worker (an expired lease) before it fails. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How many operations of one execution may be queued or running on workers at once. Jobs run on the
    /// workers, not here, so this sets DeepForgeOptions.MaxParallelOperations, which otherwise follows this
    /// machine's cores. Default 64.
    /// </summary>
    public int MaxParallelJobs { get; set; } = 64;

    /// <summary>The longest a worker's lease request waits for a job before the server answers 204. Default 20 s.</summary>
    public TimeSpan LongPoll { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often waiters look at the store for jobs queued or finished by another server on the same store. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the server resumes, when it starts, every execution whose process stopped while running it. Default true.</summary>
    public bool ResumeExecutionsOnStart { get; set; } = true;

    /// <summary>
    /// Worker tokens accepted besides those created with <c>WorkerTokens.CreateAsync</c> (which keeps only their
    /// sha256 in the store). These are kept in memory only, for example a token given on the command line.
    /// </summary>
    public List<string> WorkerTokens { get; } = [];

    /// <summary>
    /// How often the server frees blobs nothing refers to any more (deleted artifacts and executions), keeping those
    /// younger than <c>DeepForgeOptions.BlobGracePeriod</c>; <see cref="TimeSpan.Zero"/> turns it off. Default 1 hour.
    /// </summary>
    public TimeSpan BlobCollectionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// An upload's temporary file in blob.dir/incoming that nobody has written to for this long is a leftover of a
    /// killed process and is removed (at start, and then every half of this). Default 10 minutes.
    /// </summary>
    public TimeSpan PartialUploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the job records of a finished execution are kept (the runner protocol's internal records: leases,
    /// attempts); the execution, its nodes, outputs, log and feedback stay. Null keeps them forever. Default 1 day.
    /// </summary>
    public TimeSpan? JobRecordRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long the log and feedback of a finished execution are kept. Null (the default) keeps them as long as the execution.</summary>
    public TimeSpan? ExecutionLogRetention { get; set; }

    /// <summary>How often the server prunes by <see cref="JobRecordRetention"/> and <see cref="ExecutionLogRetention"/>; <see cref="TimeSpan.Zero"/> turns it off. Default 10 minutes.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest blob or artifact upload in bytes; null (the default) for no limit.</summary>
    public long? MaxUploadBytes { get; set; }

    /// <summary>
    /// Whether people must sign in (default true). Turning it off is allowed only while the server listens on a
    /// loopback address; every request then acts as a local admin.
    /// </summary>
    public bool AuthEnabled { get; set; } = true;

    /// <summary>
    /// Host names (as in the request's Host header, without the port) the server answers besides loopback names
    /// and IP addresses; a request for any other host is refused (DNS rebinding). "*" answers every host.
    /// </summary>
    public List<string> AllowedHosts { get; } = [];

    /// <summary>How long a browser stays signed in without a visit. Default 14 days.</summary>
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How many wrong passwords one address may try per <see cref="SignInWindow"/> before sign-in answers 429. Default 20.</summary>
    public int MaxWrongPasswords { get; set; } = 20;

    /// <summary>The window <see cref="MaxWrongPasswords"/> counts in. Default 15 minutes.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A certificate to serve HTTPS with (Kestrel's own): a .pfx/.p12 file, or a PEM certificate with its key in
    /// <see cref="CertificateKeyPath"/>. Null (the default) serves plain HTTP, fit for loopback only.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/>, when that is a PEM certificate.</summary>
    public string? CertificateKeyPath { get; set; }
}
