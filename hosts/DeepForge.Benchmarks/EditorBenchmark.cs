using System.Diagnostics;
using DeepForge.Configuration;
using DeepForge.Models;
using DeepForge.Torch.Shapes;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// What the designer's editors wait for, on the fashion-mnist seed: reading the operations' interfaces from edited
/// code (the operation editor, after each pause in typing), compiling the project's catalog after an edit and
/// reading it again unchanged (the pipeline editor on open), inferring the cnn's shapes (the architecture editor, after each edit),
/// and code completion in the operation editor (<see cref="CompletionBenchmark"/>).
/// </summary>
internal static class EditorBenchmark
{
    public static async Task<object> RunAsync(BenchHost host, int rounds, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        try
        {
            await using var services = host.Build(dataDirectory);
            var engine = services.GetRequiredService<DeepForgeEngine>();
            var project = await engine.Projects.CreateAsync("bench", "fashion-mnist", cancellationToken);
            var train = project.Sources.Single(s => s.Path.EndsWith("Train.cs", StringComparison.Ordinal));
            var read = await TimeAsync(rounds, i => engine.Projects.ReadOperationsAsync("bench", train with { Text = $"{train.Text}\n// edit {i}" }, cancellationToken));
            var compile = await TimeAsync(Math.Max(1, rounds / 4), async i =>
            {
                await engine.Projects.SaveAsync(WithEdit(project, train, i), cancellationToken);
                return await engine.Projects.CatalogAsync("bench", cancellationToken);
            });
            var warm = await TimeAsync(rounds, _ => engine.Projects.CatalogAsync("bench", cancellationToken));
            var cnn = project.FindArchitecture("cnn")!;
            var shapes = await TimeAsync(rounds, _ => Task.FromResult(ShapeInference.Infer(cnn)));
            var completion = await CompletionBenchmark.RunAsync(engine, "bench", train, rounds, cancellationToken);
            return new
            {
                Benchmark = "editor", Seed = "fashion-mnist", Rounds = rounds,
                ReadOperationsMedianMs = read.Median, ReadOperationsP95Ms = read.P95,
                CompileCatalogMedianMs = compile.Median, CompileCatalogMaxMs = compile.Max,
                WarmCatalogMedianMs = warm.Median, ShapeInferenceMedianMs = shapes.Median, ShapeInferenceP95Ms = shapes.P95,
                Completion = completion,
            };
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static ProjectDefinition WithEdit(ProjectDefinition project, SourceFile file, int round)
    {
        project.Sources[project.Sources.IndexOf(project.Sources.Single(s => s.Path == file.Path))] = file with { Text = $"{file.Text}\n// compile {round}" };
        return project;
    }

    // The first call of each kind warms up (JIT, Roslyn's first compilation) and is not counted.
    private static async Task<(double Median, double P95, double Max)> TimeAsync<T>(int rounds, Func<int, Task<T>> action)
    {
        await action(-1);
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await action(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (Math.Round(times[times.Count / 2], 2), Math.Round(times[(int)Math.Ceiling(times.Count * 0.95) - 1], 2), Math.Round(times[^1], 2));
    }
}
