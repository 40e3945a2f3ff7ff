using System.Diagnostics;
using DeepForge.Designer.OperationEditor.Assist;
using DeepForge.Models;

namespace DeepForge.Benchmarks;

/// <summary>
/// The operation editor's code completion on the seed's Train.cs, as the page asks for it: the project read from the
/// store, then the assistant asked at realistic places (just after each <c>x.</c>, and after the first letter of each
/// statement), with the text changed every time as typing changes it. Cold: a new assistant (its workspace built on
/// the first request); warm: one assistant kept, as the designer keeps it.
/// </summary>
internal static class CompletionBenchmark
{
    private const int ColdRounds = 3;

    public static async Task<object> RunAsync(DeepForgeEngine engine, string project, SourceFile file, int rounds, CancellationToken cancellationToken)
    {
        var places = Places(file.Text);
        var clock = Stopwatch.StartNew();
        await CompleteAsync(engine, new CodeAssistant(), project, file, places[0], -1, cancellationToken);
        var first = clock.Elapsed.TotalMilliseconds;
        var cold = new List<double>();
        for (var i = 0; i < ColdRounds; i++)
            cold.Add(await TimeAsync(() => CompleteAsync(engine, new CodeAssistant(), project, file, places[i % places.Count], i, cancellationToken)));
        var assistant = new CodeAssistant();
        await CompleteAsync(engine, assistant, project, file, places[0], -1, cancellationToken);
        var warm = new List<double>();
        var offered = 0;
        for (var i = 0; i < rounds; i++)
        {
            var round = i;
            warm.Add(await TimeAsync(async () => offered += await CompleteAsync(engine, assistant, project, file, places[round % places.Count], round, cancellationToken)));
        }
        return new
        {
            CompletionPlaces = places.Count, CompletionFirstMs = Math.Round(first, 2),
            CompletionColdMedianMs = Median(cold), CompletionColdMaxMs = Math.Round(cold.Max(), 2),
            CompletionWarmMedianMs = Median(warm), CompletionWarmP95Ms = P95(warm),
            CompletionMeanSuggestions = rounds == 0 ? 0 : offered / rounds,
            LoadAverage1m = LoadAverage(),
        };
    }

    // As the page does: the stored project read afresh, and the text as typed (here one comment that changes each round).
    private static async Task<int> CompleteAsync(DeepForgeEngine engine, CodeAssistant assistant, string project, SourceFile file, int offset, int round, CancellationToken cancellationToken)
    {
        var stored = (await engine.Projects.GetAsync(project, cancellationToken)).Sources;
        var text = $"{file.Text}\n// typed {round}";
        return assistant.Complete(project, stored, file.Path, text, offset).Count;
    }

    /// <summary>Just after each member access's dot, and after the first letter of each statement that starts a line.</summary>
    private static List<int> Places(string text)
    {
        var places = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i - 1] == '.' && char.IsLetter(text[i]) && char.IsLetterOrDigit(text[i - 2])) places.Add(i);
            else if (text[i - 1] == '\n')
            {
                var start = i;
                while (start < text.Length && text[start] == ' ') start++;
                if (start - i >= 8 && start < text.Length && char.IsLetter(text[start])) places.Add(start + 1);
            }
        }
        return places;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times) => Math.Round(times.Order().ElementAt(times.Count / 2), 2);

    private static double P95(List<double> times) => Math.Round(times.Order().ElementAt((int)Math.Ceiling(times.Count * 0.95) - 1), 2);

    // The machine's load while measuring, so figures from a busy machine read as such.
    private static double? LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (IOException) { return null; }
    }
}
