using DeepForge.Api;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Remote;
using DeepForge.Models;
using DeepForge.Sweeps;

namespace DeepForge.Cli.Sweeps;

/// <summary>
/// A sweep on a server: the server stores it and runs its executions (on its workers), a few at a time; the command
/// follows it to the end and prints the table, or, with <c>--detach</c>, returns at once. Ctrl-C stops following only.
/// </summary>
internal static class RemoteSweep
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string url, string project, StartSweepRequest request, bool json, bool detach, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(url);
        var table = await client.StartSweepAsync(project, request, cancellationToken);
        var progress = new SweepProgress(table.Sweep);
        if (!json) progress.Start();
        if (detach)
        {
            if (json) Output.JsonOutput.Print(table);
            else Console.WriteLine($"Sweep {table.Sweep.Id} runs on {client.BaseUrl}: deepforge sweep show {project} {table.Sweep.Id} --server {client.BaseUrl}");
            return CliAction.Ok;
        }
        while (!table.Finished)
        {
            await Task.Delay(Poll, cancellationToken);
            table = await client.SweepAsync(project, table.Sweep.Id, cancellationToken);
            if (!json) progress.Ended(table);
        }
        if (json) Output.JsonOutput.Print(table);
        else SweepPrinter.Print(table);
        return table.Rows.All(r => r.Status == ExecutionStatus.Succeeded) ? CliAction.Ok : CliAction.Failed;
    }
}
