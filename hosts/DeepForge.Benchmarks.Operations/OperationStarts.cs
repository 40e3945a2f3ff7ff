using System.Globalization;

namespace DeepForge.Benchmarks;

/// <summary>
/// When each <see cref="NoOp"/> started, for <c>bench dispatch</c>'s start latency (from a worker's lease to the operation running in
/// its job process): with <see cref="Variable"/> naming a file, each NoOp appends one line, its number and the wall-clock time, as it
/// starts. The bench sets it for its workers, whose job processes inherit it; unset (bench engine, tests, anyone else), nothing is written.
/// The clock is the machine's UTC clock, the one the server stamps a lease with: the bench runs server, workers and jobs on one machine.
/// </summary>
public static class OperationStarts
{
    /// <summary>The environment variable naming the file to append to.</summary>
    public const string Variable = "DEEPFORGE_BENCH_OPERATION_STARTS";

    private static readonly string? Path = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Appends "<paramref name="id"/> ticks" (UTC, 100 ns each) when <see cref="Variable"/> names a file.</summary>
    public static void Record(int id)
    {
        if (string.IsNullOrEmpty(Path)) return;
        // One short append per line: the job processes of all workers write to the one file, and an O_APPEND write this small is not interleaved.
        File.AppendAllText(Path, string.Create(CultureInfo.InvariantCulture, $"{id} {DateTime.UtcNow.Ticks}\n"));
    }

    /// <summary>The start of each NoOp number in <paramref name="path"/> (the last line of a number that ran twice); empty when there is no file.</summary>
    public static IReadOnlyDictionary<int, DateTimeOffset> Read(string path)
    {
        var starts = new Dictionary<int, DateTimeOffset>();
        if (!File.Exists(path)) return starts;
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
                starts[id] = new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        return starts;
    }
}
