namespace DeepForge.Benchmarks;

/// <summary>
/// Whether a server that runs for months stays bounded: one server process and one worker process (<see cref="SoakDeployment"/>),
/// first the warm-up edits and then <c>edits</c> edits of one operation's source saved through the REST API (each a new
/// version of the project's code, which the server compiles to answer the save), then <c>runs</c> runs of a small pipeline
/// whose output passes through the worker's cache. Resident memory and disk are sampled from outside at intervals; the
/// slope of memory per edit is fitted by least squares over the edits after the warm-up, and per run over the runs after
/// the first fifth (JIT, caches filling).
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<object> RunAsync(BenchHost host, SoakSettings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-soak-{Guid.NewGuid():n}");
        try
        {
            await using var deployment = await SoakDeployment.StartAsync(host, root, settings.WorkerCacheMaxBytes, cancellationToken);
            using var api = new SoakApi(deployment.Url);
            await api.CreateAsync(settings.BlobBytes, cancellationToken);
            var samples = new List<SoakSample> { Sample(deployment, "start", 0, 0) };
            for (var edit = 1; edit <= settings.TotalEdits; edit++)
            {
                await api.EditAsync(edit, cancellationToken);
                if (edit % settings.EditSampleEvery == 0 || edit == settings.TotalEdits || edit == settings.EditsBeforeSlope) samples.Add(Sample(deployment, "edits", edit, 0));
            }
            for (var run = 1; run <= settings.Runs; run++)
            {
                await api.RunAsync(run, deployment.ThrowIfExited, cancellationToken);
                if (run % settings.RunSampleEvery == 0 || run == settings.Runs) samples.Add(Sample(deployment, "runs", settings.TotalEdits, run));
            }
            return SoakReport.Of(settings, samples);
        }
        finally
        {
            DeleteQuietly(root);
        }
    }

    private static SoakSample Sample(SoakDeployment deployment, string phase, int edits, int runs)
    {
        deployment.ThrowIfExited();
        return new SoakSample(phase, edits, runs, deployment.Server.ResidentMb(), SoakDisk.FilesStartingWith(deployment.StorePath), SoakDisk.Folder(deployment.BlobDirectory),
            SoakDisk.Folder(deployment.WorkerCache), SoakDisk.Folder(deployment.WorkerDirectory));
    }

    private static void DeleteQuietly(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException e) { Console.Error.WriteLine($"could not delete {path}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { Console.Error.WriteLine($"could not delete {path}: {e.Message}"); }
    }
}
