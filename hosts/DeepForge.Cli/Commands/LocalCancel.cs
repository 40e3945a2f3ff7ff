using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary>
/// Ctrl-C during a local <c>run</c>: asks the run to cancel, as <c>deepforge cancel</c> would, so its operations stop
/// and the execution ends recorded as cancelled (a later <c>start</c> never resumes it). A second Ctrl-C ends the
/// process at once; the execution still shows as cancelled, since the cancel was recorded first.
/// </summary>
internal sealed class LocalCancel : IAsyncDisposable
{
    private readonly CancellationTokenRegistration _registration;
    private Task _cancel = Task.CompletedTask;

    public LocalCancel(DeepForgeEngine engine, string executionId) =>
        _registration = Interrupts.Current.CtrlC.Register(() =>
        {
            Console.Error.WriteLine($"Ctrl-C: cancelling execution {executionId} (Ctrl-C again ends this process at once)");
            _cancel = engine.Executions.CancelAsync(executionId, CancellationToken.None);
        });

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        await _cancel;
    }
}
