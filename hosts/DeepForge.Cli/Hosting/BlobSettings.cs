using DeepForge.Cli.Output;

namespace DeepForge.Cli.Hosting;

/// <summary>The environment variables for blob collection and partial uploads: read before anything starts, so a wrong value is a bad-input error naming the variable.</summary>
internal static class BlobSettings
{
    /// <summary>How old an unreferenced blob must be before it is freed (default 1h): <c>deepforge start</c> and <c>deepforge blobs gc</c>.</summary>
    public const string GraceVariable = "DEEPFORGE_BLOB_GRACE";

    /// <summary>How often <c>deepforge start</c> collects blobs (default 1h; 0 turns it off).</summary>
    public const string IntervalVariable = "DEEPFORGE_BLOB_GC_INTERVAL";

    /// <summary>How long an upload may sit unfinished before <c>deepforge start</c> removes its partial file (default 10 min).</summary>
    public const string PartialUploadVariable = "DEEPFORGE_PARTIAL_UPLOAD_TIMEOUT";

    public static TimeSpan? GracePeriod() => Read(GraceVariable);

    public static TimeSpan? PartialUploadTimeout() => Read(PartialUploadVariable);

    public static TimeSpan? CollectionInterval() => Read(IntervalVariable);

    private static TimeSpan? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? Durations.Parse(text, variable) : null;
}
