using DeepForge.Cli.Hosting;
using DeepForge.Models;
using DeepForge.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Sweeps;

/// <summary>
/// A sweep on this machine: stores it with its executions, runs them in this process at most <c>parallel</c> at once,
/// then prints the table. Ctrl-C cancels every run not yet ended; SIGTERM stops them where they are, resumable.
/// </summary>
internal static class LocalSweep
{
    public static async Task<int> RunAsync(CliContext context, string project, SweepRequest request, bool json, CancellationToken cancellationToken)
    {
        var sweeps = context.Services.GetRequiredService<SweepService>();
        var sweep = await sweeps.CreateAsync(project, request, cancellationToken);
        var progress = new SweepProgress(sweep);
        if (!json) progress.Start();
        var stop = Interrupts.Current.Terminating;
        using (Interrupts.Current.CtrlC.Register(() => CancelAll(context.Engine, sweep)))
        {
            await sweeps.RunAsync(sweep, async (id, ct) =>
            {
                await context.Engine.Executions.ResumeAsync(id, null, ct);
                if (!json) progress.Ended(await sweeps.TableAsync(project, sweep.Id, ct));
            }, stop);
        }
        var table = await sweeps.TableAsync(project, sweep.Id, stop);
        if (json) Output.JsonOutput.Print(table);
        else SweepPrinter.Print(table);
        return table.Rows.All(r => r.Status == ExecutionStatus.Succeeded) ? CliAction.Ok : CliAction.Failed;
    }

    private static void CancelAll(DeepForgeEngine engine, SweepRecord sweep)
    {
        Console.Error.WriteLine($"Ctrl-C: cancelling the runs of sweep {sweep.Id} (Ctrl-C again ends this process at once)");
        foreach (var run in sweep.Runs) _ = engine.Executions.CancelAsync(run.ExecutionId, CancellationToken.None);
    }
}
