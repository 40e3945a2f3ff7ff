using DeepForge.Cli.Output;
using DeepForge.Configuration;
using DeepForge.Hosting;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// How long <c>deepforge start</c> keeps what finished executions leave in the store: their log and feedback
/// (retention.executionLogs, default forever) and the job records of the runner protocol (retention.jobRecords, default 1d).
/// Read before anything starts, so a wrong value stops the start in one line naming the key.
/// </summary>
internal sealed record RetentionSettings(TimeSpan? ExecutionLogs, TimeSpan? JobRecords)
{
    public const string ExecutionLogsKey = "retention.executionLogs";
    public const string JobRecordsKey = "retention.jobRecords";
    private const string Forever = "forever";

    public static RetentionSettings Read(DeepForgeConfig config) =>
        new(Parse(config, ExecutionLogsKey), Parse(config, JobRecordsKey));

    public void Apply(DeepForgeServerOptions options) =>
        (options.ExecutionLogRetention, options.JobRecordRetention) = (ExecutionLogs, JobRecords);

    // "forever" (or empty) keeps them; otherwise a duration as people write it, 0 or more.
    private static TimeSpan? Parse(DeepForgeConfig config, string key)
    {
        var text = config.GetString(key).Trim();
        if (text.Length == 0 || text.Equals(Forever, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return Durations.Parse(text, key);
        }
        catch (DeepForgeException)
        {
            throw new DeepForgeException(key, $"{key} is '{text}': give how long to keep them as a number and a unit (e.g. 12h, 30d, 0 to prune at once), "
                + $"or '{Forever}'; change it with 'deepforge config {key} 30d'");
        }
    }
}
