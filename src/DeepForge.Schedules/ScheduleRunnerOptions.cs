namespace DeepForge.Schedules;

/// <summary>How a server's scheduler runs.</summary>
public sealed class ScheduleRunnerOptions
{
    /// <summary>How often the triggers are brought in line with the store, for changes made by other servers and commands (default 10 s).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Fires this recent are left to the trigger at start rather than counted as missed (default 2 s): a fire another server is
    /// making at that moment is not missed.
    /// </summary>
    public TimeSpan MissedGrace { get; set; } = TimeSpan.FromSeconds(2);
}
