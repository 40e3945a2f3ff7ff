using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Remote;

/// <summary>
/// <c>run --server</c> while it follows a run: Ctrl-C cancels the run on the server (POST cancel) and follows it to its
/// end; a second Ctrl-C, SIGTERM, or <c>--detach</c> up front leave it running there and say how to follow or cancel it.
/// </summary>
internal static class RemoteFollow
{
    public const int LeftRunning = 130;

    public static async Task<int> FollowCancellingOnCtrlCAsync(ServerClient client, string server, string project, string executionId, bool json, bool verbose = false)
    {
        var interrupts = Interrupts.Current;
        interrupts.HandleSecondCtrlC();
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(interrupts.SecondCtrlC, interrupts.Terminating);
        var cancel = Task.CompletedTask;
        var onCtrlC = interrupts.CtrlC.Register(() => cancel = CancelAsync(client, server, executionId));
        try
        {
            return await RemoteWatch.FollowAsync(client, executionId, json, leave.Token, verbose);
        }
        catch (OperationCanceledException) when (leave.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Stopped following; execution {executionId} goes on on {server}.");
            PrintHowToFollow(server, project, executionId);
            return LeftRunning;
        }
        finally
        {
            await onCtrlC.DisposeAsync();
            await cancel;
        }
    }

    public static int Detached(string server, string project, string executionId)
    {
        Console.Error.WriteLine($"Execution {executionId} runs on {server}.");
        PrintHowToFollow(server, project, executionId);
        return CliAction.Ok;
    }

    private static void PrintHowToFollow(string server, string project, string executionId)
    {
        Console.Error.WriteLine($"  follow it: deepforge executions {project} --server {server}");
        Console.Error.WriteLine($"  cancel it: deepforge cancel {executionId} --server {server}");
    }

    private static async Task CancelAsync(ServerClient client, string server, string executionId)
    {
        Console.Error.WriteLine($"Ctrl-C: cancelling execution {executionId} on {server} (Ctrl-C again leaves it running there)");
        try
        {
            await client.CancelAsync(executionId, CancellationToken.None);
        }
        catch (Exception e) when (e is DeepForge.Client.DeepForgeApiException or DeepForgeException or TaskCanceledException)
        {
            Console.Error.WriteLine($"Could not cancel execution {executionId} on {server}: {e.Message}. Cancel it with: deepforge cancel {executionId} --server {server}");
        }
    }
}
