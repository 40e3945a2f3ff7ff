using System.Diagnostics;
using System.Text;
using DeepForge.Feedback;
using DeepForge.Worker.Native;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// A job's child process from its first byte: its stdout and stderr are read at once (a process that prints while it
/// warms up must not block on a full pipe) into a <see cref="HeldSink"/> until a job takes it. Started with a job folder
/// it runs that job; started with <see cref="ChildProtocol.AwaitJobArgument"/> it warms up, says it is ready, and waits
/// for <see cref="HandOver"/>.
/// </summary>
internal sealed class JobProcess : IDisposable
{
    /// <summary>How long the worker waits for the rest of a finished child's output (a grandchild could hold the pipe open).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly HeldSink _sink = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pumps;

    private JobProcess(Process process)
    {
        _process = process;
        Id = process.Id;
        _pumps = Task.WhenAll(PumpStdoutAsync(process.StandardOutput), PumpStderrAsync(process.StandardError));
        // A process that dies while warming is "ready" too: whoever waits for it learns at once that it is gone.
        _ = _pumps.ContinueWith(_ => _ready.TrySetResult(), TaskScheduler.Default);
    }

    /// <summary>
    /// Starts <paramref name="command"/> with <paramref name="argument"/> added; throws <see cref="System.ComponentModel.Win32Exception"/> when the
    /// program cannot run. A warm process is told its jobs' <paramref name="cacheDirectory"/> (<see cref="ChildProtocol.CacheVariable"/>).
    /// </summary>
    public static JobProcess Start(IReadOnlyList<string> command, string argument, string workingDirectory, string? cacheDirectory = null)
    {
        var info = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory,
        };
        foreach (var part in command.Skip(1)) info.ArgumentList.Add(part);
        info.ArgumentList.Add(argument);
        info.Environment[ChildProtocol.WatchParentVariable] = "1";
        if (cacheDirectory != null) info.Environment[ChildProtocol.CacheVariable] = cacheDirectory;
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new JobProcess(process);
    }

    public int Id { get; }

    /// <summary>Completes when the warm process says it is ready for its job, or when it is gone.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompleted && !HasExited;

    public bool HasExited
    {
        get
        {
            try { return _process.HasExited; }
            catch (InvalidOperationException) { return true; }
        }
    }

    public StderrCapture Errors { get; } = new();

    /// <summary>Sends the process's output from now on (and what it printed before) to the job's sink.</summary>
    public void Attach(IFeedbackSink sink) => _sink.Attach(sink);

    /// <summary>"Here is your job": the job folder, as one line on the warm process's stdin. False when the process is gone.</summary>
    public bool HandOver(string jobDirectory)
    {
        try
        {
            _process.StandardInput.Write(jobDirectory + "\n");
            _process.StandardInput.Flush();
            return true;
        }
        catch (IOException) { return false; }
        catch (ObjectDisposedException) { return false; }
    }

    /// <summary>Waits for the process to end (cancelling kills its process tree), then ends whatever it left running and reads the rest of its output; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(Kill))
            await _process.WaitForExitAsync(CancellationToken.None);
        // Whatever the job left running dies with it (its process group outlives the leader).
        ProcessGroup.Kill(Id);
        await Task.WhenAny(_pumps, Task.Delay(DrainTimeout, CancellationToken.None));
        var exitCode = _process.ExitCode;
        CloseInput();
        return exitCode;
    }

    /// <summary>Ends the process and everything it started.</summary>
    public void Kill() => ProcessGroup.KillTree(_process);

    public void Dispose()
    {
        CloseInput();
        _process.Dispose();
    }

    private void CloseInput()
    {
        try { _process.StandardInput.Close(); }
        catch (IOException) { }
        catch (InvalidOperationException) { }
    }

    private async Task PumpStdoutAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var (text, message) = ChildProtocol.Parse(line);
                // Text before a marker had no newline of its own (native output cut short by the message).
                if (text != null) _sink.Log(message == null ? text + "\n" : text);
                if (message?.Ready == true) _ready.TrySetResult();
                if (message?.Log != null) _sink.Log(message.Log);
                if (message?.Feedback != null) _sink.Feedback(message.Feedback);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task PumpStderrAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                _sink.Log(line + "\n");
                Errors.Add(line);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }
}
