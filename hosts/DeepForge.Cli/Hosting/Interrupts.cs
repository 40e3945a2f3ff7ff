using System.Runtime.InteropServices;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for the whole command, told apart: a person pressing Ctrl-C means "cancel what I
/// started" (<c>run</c> cancels its execution), while SIGTERM (a service manager, a shutdown) means "stop this
/// process" and leaves runs resumable. Either cancels <see cref="Stopping"/>, the token every command gets. A second
/// Ctrl-C ends the process at once, unless a command said it acts on it (<see cref="HandleSecondCtrlC"/>).
/// System.CommandLine's own handling is off: it cannot tell the two apart and ends the command after two seconds.
/// </summary>
internal sealed class Interrupts
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _ctrlC = new();
    private readonly CancellationTokenSource _secondCtrlC = new();
    private readonly CancellationTokenSource _terminating = new();
    private int _ctrlCPresses;
    private volatile bool _handlesSecond;

    public static Interrupts Current { get; } = new();

    /// <summary>Ctrl-C or SIGTERM.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>The first Ctrl-C.</summary>
    public CancellationToken CtrlC => _ctrlC.Token;

    /// <summary>A second Ctrl-C, for a command that called <see cref="HandleSecondCtrlC"/>.</summary>
    public CancellationToken SecondCtrlC => _secondCtrlC.Token;

    /// <summary>SIGTERM: stop the process, leaving what it ran to be resumed.</summary>
    public CancellationToken Terminating => _terminating.Token;

    /// <summary>From now on a second Ctrl-C cancels <see cref="SecondCtrlC"/> instead of ending the process.</summary>
    public void HandleSecondCtrlC() => _handlesSecond = true;

    /// <summary>Starts listening for the signals; disposing stops.</summary>
    public IDisposable Listen() => new Registrations(
        PosixSignalRegistration.Create(PosixSignal.SIGINT, OnCtrlC),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate));

    private void OnCtrlC(PosixSignalContext context)
    {
        var presses = Interlocked.Increment(ref _ctrlCPresses);
        if (presses > 1 && !_handlesSecond) return; // not cancelled: the runtime ends the process, as Ctrl-C does elsewhere
        context.Cancel = true;
        if (presses == 1)
        {
            _ctrlC.Cancel();
            _stopping.Cancel();
        }
        else _secondCtrlC.Cancel();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        if (_terminating.IsCancellationRequested) return;
        context.Cancel = true;
        _terminating.Cancel();
        _stopping.Cancel();
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
