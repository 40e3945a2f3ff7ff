using System.Diagnostics;
using System.Text;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>A running <c>deepforge</c> process: its output is collected as it comes; it can be waited for or killed.</summary>
internal sealed class BackgroundCli : IDisposable
{
    private readonly Process _process;
    private readonly string[] _arguments;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    /// <param name="input">What the process reads on standard input (a password for --password-stdin); nothing when null.</param>
    public BackgroundCli(ProcessStartInfo start, string[] arguments, string? input = null)
    {
        _arguments = arguments;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.Start();
        if (input != null) _process.StandardInput.Write(input);
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process has written to standard output so far.</summary>
    public string Stdout
    {
        get { lock (_stdout) return _stdout.ToString(); }
    }

    /// <summary>The process id (a worker's runner id contains it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Waits for the process to end by itself; kills it and fails when it takes longer than <paramref name="timeout"/>.</summary>
    public CliResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"still running after {timeout}:\n{Snapshot(-1)}");
        }
        _process.WaitForExit(); // drains the redirected output
        return Snapshot(_process.ExitCode);
    }

    /// <summary>Presses Ctrl-C: sends SIGINT to the process, as a terminal does.</summary>
    public void Interrupt() => Signals.Interrupt(_process.Id);

    /// <summary>Sends SIGKILL to the process (and any children) and waits until it is gone and reaped.</summary>
    public CliResult Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return Snapshot(_process.ExitCode);
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> stops a process: the command hears it as Ctrl+C.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    /// <summary>Output so far, for assertion messages.</summary>
    public override string ToString() => Snapshot(_process.HasExited ? _process.ExitCode : -1).ToString();

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private CliResult Snapshot(int exitCode)
    {
        string stdout, stderr;
        lock (_stdout) stdout = _stdout.ToString();
        lock (_stderr) stderr = _stderr.ToString();
        return new CliResult(_arguments, exitCode, stdout, stderr);
    }
}
