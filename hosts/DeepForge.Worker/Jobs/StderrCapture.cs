namespace DeepForge.Worker.Jobs;

/// <summary>
/// A job process's first words on stderr (a crash report's headline, such as "Process terminated. boom":
/// its first two lines that are not a stack frame) and its last lines (for the details).
/// </summary>
internal sealed class StderrCapture
{
    private const int TailLines = 40;

    private readonly Queue<string> _tail = new();
    private readonly List<string> _headline = [];
    private bool _headlineDone;

    public void Add(string line)
    {
        lock (_tail)
        {
            var trimmed = line.Trim();
            if (!_headlineDone && trimmed.Length > 0)
            {
                if (trimmed.StartsWith("at ", StringComparison.Ordinal)) _headlineDone = true;
                else _headline.Add(trimmed);
                _headlineDone |= _headline.Count == 2;
            }
            _tail.Enqueue(line);
            if (_tail.Count > TailLines) _tail.Dequeue();
        }
    }

    public (string? Headline, string[] Tail) Read()
    {
        lock (_tail) return (_headline.Count == 0 ? null : string.Join(' ', _headline), _tail.ToArray());
    }
}
