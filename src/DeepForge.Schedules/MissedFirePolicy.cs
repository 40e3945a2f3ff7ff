namespace DeepForge.Schedules;

/// <summary>What the fires of a schedule missed while no server ran do when a server starts.</summary>
internal enum MissedFirePolicy
{
    /// <summary>One execution, for the latest missed fire.</summary>
    RunOnce,

    /// <summary>None: the schedule goes on from its next fire.</summary>
    Skip,
}
