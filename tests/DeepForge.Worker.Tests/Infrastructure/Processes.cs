namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>Looks at processes through /proc, as the kernel sees them.</summary>
internal static class Processes
{
    /// <summary>Whether the process runs: it exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        string text;
        try { text = File.ReadAllText(stat); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return true; }
        // pid (comm) state ...: the command may hold spaces and parentheses, the state follows the last ')'.
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }
}
