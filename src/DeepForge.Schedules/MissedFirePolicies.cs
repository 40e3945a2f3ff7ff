namespace DeepForge.Schedules;

/// <summary>The policy names people write and read: "run-once", "skip".</summary>
internal static class MissedFirePolicies
{
    public static string Name(MissedFirePolicy policy) => policy == MissedFirePolicy.Skip ? "skip" : "run-once";

    public static MissedFirePolicy Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "run-once" => MissedFirePolicy.RunOnce,
        "skip" => MissedFirePolicy.Skip,
        _ => throw new DeepForgeException("missed", $"missed: '{text}' is no policy for missed fires; write run-once (one run on start) or skip"),
    };
}
