using System.Diagnostics;

namespace DeepForge.Worker.Native;

/// <summary>
/// A job's child process leads its own process group, so the worker ends the child and everything it
/// started with one signal: no descendant is missed while a tree is being walked.
/// </summary>
internal static class ProcessGroup
{
    /// <summary>Makes this process the leader of a new session and process group (the child calls this first).</summary>
    public static bool BecomeLeader()
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return Libc.setsid() >= 0 || Libc.getpgid(0) == Environment.ProcessId; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>Whether this process leads its process group.</summary>
    public static bool IsLeader()
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return Libc.getpgid(0) == Environment.ProcessId; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>SIGKILLs the group led by <paramref name="leader"/>; false when there is no such group (the leader never made one, or it is gone).</summary>
    public static bool Kill(int leader)
    {
        if (OperatingSystem.IsWindows() || leader <= 1) return false;
        try { return Libc.kill(-leader, Libc.SIGKILL) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>Ends a child and everything it started: its process group in one signal, then any descendant that left the group.</summary>
    public static void KillTree(Process process)
    {
        int id;
        try { id = process.Id; }
        catch (InvalidOperationException) { return; }
        Kill(id);
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
        catch (System.ComponentModel.Win32Exception) { } // exiting right now
    }

    /// <summary>Ends this process's own group, itself included (a child whose worker went away).</summary>
    public static void KillOwnGroup()
    {
        if (IsLeader()) Kill(Environment.ProcessId);
        Environment.Exit(137);
    }
}
