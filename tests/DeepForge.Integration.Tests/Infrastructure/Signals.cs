using System.Runtime.InteropServices;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>POSIX signals .NET has no API for sending: SIGINT is what a terminal sends on Ctrl-C.</summary>
internal static partial class Signals
{
    private const int SIGINT = 2;
    private const int SIGCONT = 18;
    private const int SIGSTOP = 19;

    public static void Interrupt(int processId)
    {
        if (kill(processId, SIGINT) != 0)
            throw new InvalidOperationException($"kill({processId}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Stops the process where it is (SIGSTOP), as a machine that hangs or a VM that is paused: it neither runs nor dies.</summary>
    public static void Pause(int processId) => Send(processId, SIGSTOP, nameof(SIGSTOP));

    /// <summary>Lets a paused process run on (SIGCONT).</summary>
    public static void Continue(int processId) => Send(processId, SIGCONT, nameof(SIGCONT));

    private static void Send(int processId, int signal, string name)
    {
        if (kill(processId, signal) != 0)
            throw new InvalidOperationException($"kill({processId}, {name}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
