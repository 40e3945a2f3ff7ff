using DeepForge.Blobs;
using DeepForge.Plugins;
using DeepForge.Runtime;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Native;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Worker;

/// <summary>
/// The entry point of a job's child process. The host program (the deepforge command's hidden
/// <c>job-exec &lt;dir&gt;</c> verb) builds its services as it always does, so the child has the same
/// plugins as the worker, and calls <see cref="RunAsync"/> with the job folder the worker prepared.
/// </summary>
public static class JobChild
{
    /// <summary>
    /// Runs the job of <paramref name="jobDirectory"/>: reads its inputs and project code from the
    /// worker's cache, writes its outputs there, streams log and feedback on stdout as marked JSON lines,
    /// and writes the outcome to the folder's result file. Returns the process exit code: 0 when the
    /// job succeeded, 1 when it failed (the result file says why), 2 when the folder is not a job folder.
    /// </summary>
    /// <param name="jobDirectory">The job folder the worker prepared.</param>
    /// <param name="services">The host's services with DeepForge's plugins (<c>AddDeepForgePlugins</c>, which needs no store, or <c>AddDeepForge</c>): they run the job.</param>
    /// <param name="cancellationToken">Ends the job (Ctrl+C when run by hand); the worker kills the process instead.</param>
    public static async Task<int> RunAsync(string jobDirectory, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(ChildProtocol.WatchParentVariable) == "1")
        {
            // Started by a worker. First, before any job code runs: every process the job starts joins this
            // group, and the worker ends the group in one signal. (Run by hand from a terminal, the process
            // stays in the terminal's group, so Ctrl+C still reaches it.)
            ProcessGroup.BecomeLeader();
            WatchParent();
        }

        ChildJobFile job;
        try { job = ChildProtocol.ReadJob(jobDirectory); }
        catch (DeepForgeException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        JobOutcome outcome;
        using (var output = new ChildOutput(Console.OpenStandardOutput()))
        {
            // Console output outside the job's own flow (other threads, libraries) still belongs to the job: it travels as log, not as stray stdout.
            var console = Console.Out;
            Console.SetOut(new SinkWriter(output));
            try
            {
                outcome = await RunJobAsync(job, jobDirectory, services, output, cancellationToken);
            }
            finally
            {
                Console.SetOut(console);
            }
        }
        ChildProtocol.WriteResult(jobDirectory, outcome);
        return outcome.Succeeded ? 0 : 1;
    }

    private static async Task<JobOutcome> RunJobAsync(ChildJobFile job, string jobDirectory, IServiceProvider services, ChildOutput output, CancellationToken cancellationToken)
    {
        try
        {
            var plugins = services.GetService<PluginRegistry>()
                ?? throw new DeepForgeException("job-exec", "the job process has no DeepForge plugins: its host must call AddDeepForgePlugins (or AddDeepForge) before JobChild.RunAsync");
            JobExtensions.Load(job.Spec, job.CacheDirectory, plugins);
            var cache = new FileBlobStore(job.CacheDirectory);
            return await new InProcessExecutor(plugins, cache).RunAsync(job.Spec, jobDirectory, output, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return JobOutcome.Failure($"operation '{job.Spec.Operation}' of node '{job.Spec.NodeId}' was cancelled");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return JobOutcome.Failure($"operation '{job.Spec.Operation}' of node '{job.Spec.NodeId}' could not run: {e.Message}", e.ToString());
        }
    }

    // The worker holds the write end of this process's stdin; when it closes, the worker is gone (killed,
    // crashed), and a job nobody will report on must not keep running: end this process group.
    private static void WatchParent() =>
        new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
            }
            catch (IOException) { }
            ProcessGroup.KillOwnGroup();
        }) { IsBackground = true, Name = "deepforge-watch-worker" }.Start();
}
