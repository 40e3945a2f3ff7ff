namespace DeepForge.Operations;

/// <summary>
/// The device the jobs of this process compute on, as a plain name (<c>cpu</c>, <c>cuda:0</c>): what
/// <see cref="OperationContext.Device"/> gives every operation.
/// </summary>
/// <remarks>
/// Which device is usable is a fact of the process (the libtorch it loaded, the devices it sees), so it is
/// chosen once per process. Core knows no tensor library: the plugin that does (DeepForge.Torch's
/// <c>AddTorch</c>) sets the detector; without one every job computes on <c>cpu</c>.
/// </remarks>
public static class ComputeDevice
{
    /// <summary>The device every process can use.</summary>
    public const string Cpu = "cpu";

    private static readonly Lock Gate = new();
    private static Func<string>? detector;
    private static string? chosen;

    /// <summary>The device of this process: what the detector chose on first use, else <c>cpu</c>.</summary>
    public static string Current
    {
        get
        {
            lock (Gate)
            {
                return chosen ??= Detect();
            }
        }
    }

    /// <summary>Sets how the device is chosen; the first call that comes before any job asked wins, later ones change nothing.</summary>
    public static void UseDetector(Func<string> detect)
    {
        ArgumentNullException.ThrowIfNull(detect);
        lock (Gate)
        {
            detector ??= detect;
        }
    }

    // A detector that fails leaves the job on the CPU: computing slowly beats not computing.
    private static string Detect()
    {
        try
        {
            return detector?.Invoke() is { Length: > 0 } name ? name : Cpu;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Cpu;
        }
    }
}
