namespace DeepForge.Dispatch;

/// <summary>What became of a worker's report on a job.</summary>
public enum JobReportStatus
{
    /// <summary>Stored.</summary>
    Accepted,
    /// <summary>There is no such job.</summary>
    NotFound,
    /// <summary>The lease token is not (or no longer) the job's: nothing was stored.</summary>
    LeaseLost,
    /// <summary>The report itself is wrong (for example an output whose blob was never uploaded): nothing was stored.</summary>
    Invalid,
    /// <summary>The report was well formed but its outputs were refused (missing, extra, not uploaded, wrong size): the job failed with the reason.</summary>
    Rejected,
}
