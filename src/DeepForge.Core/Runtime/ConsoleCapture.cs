using System.Text;

namespace DeepForge.Runtime;

/// <summary>
/// Sends console output written inside a job to that job's log. One writer replaces Console.Out once;
/// it follows the async flow, so parallel jobs in one process each keep their own output.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<TextWriter?> Current = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            Console.SetOut(new RoutingWriter(Console.Out));
            _installed = true;
        }
    }

    /// <summary>Routes console output of the current async flow to <paramref name="writer"/> until disposed.</summary>
    public static IDisposable Route(TextWriter writer)
    {
        Install();
        var previous = Current.Value;
        Current.Value = writer;
        return new Restore(previous);
    }

    /// <summary>Lets the current flow write to the real console until disposed (observers print progress from inside a job's flow).</summary>
    public static IDisposable Suspend()
    {
        var previous = Current.Value;
        Current.Value = null;
        return new Restore(previous);
    }

    private sealed class Restore(TextWriter? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    private sealed class RoutingWriter(TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;
        private TextWriter Target => Current.Value ?? fallback;
        public override void Write(char value) => Target.Write(value);
        public override void Write(string? value) => Target.Write(value);
        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);
        public override void WriteLine(string? value) => Target.WriteLine(value);
        public override void Flush() => Target.Flush();
    }
}
