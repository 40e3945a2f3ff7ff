using DeepForge.Cli.Output;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// The environment variable for how long a server's lease on the executions it runs lasts (default 20 s): after a server
/// dies, another on the same store takes its executions over once this has passed. The lease is renewed four times in it.
/// </summary>
internal static class ExecutionLeaseSetting
{
    public const string Variable = "DEEPFORGE_EXECUTION_LEASE";

    /// <summary>The lease, read before anything starts so a wrong value is a bad-input error naming the variable; null when unset.</summary>
    public static TimeSpan? Read()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } text) return null;
        var lease = Durations.Parse(text, Variable);
        if (lease < TimeSpan.FromSeconds(1) || lease > TimeSpan.FromHours(1))
            throw new DeepForgeException(Variable, $"{Variable} is '{text}': give the execution lease as a duration from 1s to 1h, e.g. 20s");
        return lease;
    }
}
