using System.Runtime.InteropServices;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>POSIX signals .NET has no API for sending: SIGINT is what a terminal sends on Ctrl-C.</summary>
internal static partial class Signals
{
    private const int SIGINT = 2;

    public static void Interrupt(int processId)
    {
        if (kill(processId, SIGINT) != 0)
            throw new InvalidOperationException($"kill({processId}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
