using DeepForge.Blobs;
using DeepForge.Models;
using DeepForge.Plugins;
using DeepForge.Runtime;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Native;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Worker;

/// <summary>
/// The entry point of a job's child process. The host program (the deepforge command's hidden
/// <c>job-exec &lt;dir&gt;</c> verb) builds its services as it always does, so the child has the same
/// plugins as the worker, and calls <see cref="RunAsync(string, IServiceProvider, CancellationToken)"/> with the job folder the worker prepared.
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
    public static Task<int> RunAsync(string jobDirectory, IServiceProvider services, CancellationToken cancellationToken = default) =>
        RunAsync(jobDirectory, services, native: null, cancellationToken);

    /// <summary>
    /// Runs a job as <see cref="RunAsync(string, IServiceProvider, CancellationToken)"/> does. Given <c>-</c> instead of a job
    /// folder, the process starts warm, ahead of its job: it resolves the plugins and compiles what reading the job and writing its
    /// result take, tells the worker it is ready and waits for the job folder as one line on stdin; then it runs that one job, and
    /// the worker starts the next process. A warm process whose worker goes away exits. <paramref name="native"/> loads only before a
    /// job that may use it (libtorch costs a process about a quarter of a second of CPU, which a job that needs none would pay).
    /// </summary>
    /// <param name="jobDirectory">The job folder the worker prepared, or <c>-</c> to start warm and read it from stdin.</param>
    /// <param name="services">The host's services, with DeepForge added (<c>AddDeepForge</c>): its plugins run the job.</param>
    /// <param name="native">A native library to load before a job that may use it (the deepforge command's libtorch); null: none.</param>
    /// <param name="cancellationToken">Ends the job (Ctrl+C when run by hand); the worker kills the process instead.</param>
    public static async Task<int> RunAsync(string jobDirectory, IServiceProvider services, JobNativeLibrary? native, CancellationToken cancellationToken = default)
    {
        JobPhases.Mark("services built");
        var watched = Environment.GetEnvironmentVariable(ChildProtocol.WatchParentVariable) == "1";
        var warm = jobDirectory == ChildProtocol.AwaitJobArgument;
        Task<string?> handover = Task.FromResult<string?>(null);
        if (watched)
        {
            // Started by a worker. First, before any job code runs: every process the job starts joins this
            // group, and the worker ends the group in one signal. (Run by hand from a terminal, the process
            // stays in the terminal's group, so Ctrl+C still reaches it.)
            ProcessGroup.BecomeLeader();
            handover = WatchParent(expectJob: warm);
        }
        else if (warm) handover = Task.Run(Console.In.ReadLine, cancellationToken);

        PreparedExecutor? prepared = null;
        if (warm)
        {
            prepared = await WarmUpAsync(services, cancellationToken);
            using (var stdout = new ChildOutput(Console.OpenStandardOutput())) stdout.Ready();
            JobPhases.Mark("ready");
            var handed = await handover.WaitAsync(cancellationToken);
            JobPhases.Mark("job received");
            if (string.IsNullOrWhiteSpace(handed))
            {
                await Console.Error.WriteLineAsync("job-exec -: no job folder arrived on stdin; a warm job process runs the job its worker hands it");
                return 2;
            }
            jobDirectory = handed.Trim();
            // The job's own folder is its working directory, as when the worker starts a process for it.
            if (Directory.Exists(jobDirectory)) Directory.SetCurrentDirectory(jobDirectory);
        }

        ChildJobFile job;
        try { job = ChildProtocol.ReadJob(jobDirectory); }
        catch (DeepForgeException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        JobPhases.Mark("job read");

        JobOutcome outcome;
        using (var output = new ChildOutput(Console.OpenStandardOutput()))
        {
            // Console output outside the job's own flow (other threads, libraries) still belongs to the job: it travels as log, not as stray stdout.
            var console = Console.Out;
            Console.SetOut(new SinkWriter(output));
            try
            {
                outcome = await RunJobAsync(job, jobDirectory, services, native, prepared, output, cancellationToken);
            }
            finally
            {
                Console.SetOut(console);
            }
        }
        ChildProtocol.WriteResult(jobDirectory, outcome);
        JobPhases.Mark("job done");
        return outcome.Succeeded ? 0 : 1;
    }

    private static async Task<JobOutcome> RunJobAsync(ChildJobFile job, string jobDirectory, IServiceProvider services, JobNativeLibrary? native, PreparedExecutor? prepared,
        ChildOutput output, CancellationToken cancellationToken)
    {
        try
        {
            var plugins = services.GetService<PluginRegistry>()
                ?? throw new DeepForgeException("job-exec", "the job process has no DeepForge plugins: its host must call AddDeepForgePlugins (or AddDeepForge) before JobChild.RunAsync");
            JobExtensions.Load(job.Spec, job.CacheDirectory, plugins);
            JobPhases.Mark("extensions loaded");
            if (native != null && NativeNeed.Of(job.Spec, plugins, native.ManagedAssembly))
            {
                native.Load();
                JobPhases.Mark("native library loaded");
            }
            // The warm-up's executor when it was made over this job's cache (the worker said which); else one made now.
            var executor = prepared?.Serves(job.CacheDirectory) == true ? prepared.Executor : new InProcessExecutor(plugins, new FileBlobStore(job.CacheDirectory), oneJob: true);
            var outcome = await executor.RunAsync(job.Spec, jobDirectory, output, cancellationToken);
            JobPhases.Mark("operation ran");
            return outcome;
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

    // What every job needs, done before the job arrives: the plugins loaded, the job and result files' serialisers compiled, and,
    // when the worker said which cache the job will use, the executor over it with the plugins' catalog made.
    private static async Task<PreparedExecutor?> WarmUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var plugins = services.GetService<PluginRegistry>();
        JobPhases.Mark("plugins loaded");
        // The job and result files and the log lines go through ChildJson, which asks nothing of the serializer's metadata: what
        // they take is warmed here (the serializer itself is not, as a job that needs it, for feedback or an unusual job file, is rare).
        ChildProtocol.Format(new ChildMessage(Log: "warm"));
        var output = new OutputValue("warm", new string('0', 64), 0);
        ChildJson.TryReadJob($$$"""{"spec":{"executionId":"warm","nodeId":"warm","attempt":1,"operation":"warm","attributes":{"warm":1},"inputs":{"warm":{"dataType":"warm","hash":"{{{output.Hash}}}","size":0}},"declaredOutputs":["warm"]},"cacheDirectory":"warm"}""");
        ChildJson.Result(JobOutcome.Success(new Dictionary<string, OutputValue> { ["warm"] = output }));
        JobPhases.Mark("serialisers warmed");
        return await PreparedExecutor.MakeAsync(plugins, Environment.GetEnvironmentVariable(ChildProtocol.CacheVariable), cancellationToken);
    }

    // The worker holds the write end of this process's stdin; when it closes, the worker is gone (killed,
    // crashed), and a job nobody will report on must not keep running: end this process group. A warm process
    // reads its job folder there first (the task's result; null when the worker went away before it sent one).
    private static Task<string?> WatchParent(bool expectJob)
    {
        var handover = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                if (expectJob) handover.TrySetResult(ReadLine(stdin));
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
            }
            catch (IOException) { }
            handover.TrySetResult(null);
            ProcessGroup.KillOwnGroup();
        }) { IsBackground = true, Name = "deepforge-watch-worker" }.Start();
        return handover.Task;
    }

    // Byte by byte up to the newline: a reader with a buffer could swallow what follows, and the rest of stdin is the watch's.
    private static string? ReadLine(Stream stdin)
    {
        var line = new List<byte>();
        int b;
        while ((b = stdin.ReadByte()) >= 0)
        {
            if (b == '\n') return System.Text.Encoding.UTF8.GetString(line.ToArray());
            line.Add((byte)b);
        }
        return null;
    }
}
