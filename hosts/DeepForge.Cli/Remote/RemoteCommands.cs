using DeepForge.Api;
using DeepForge.Runtime;

namespace DeepForge.Cli.Remote;

/// <summary>The commands that act on a running server instead of the local data folder.</summary>
internal static class RemoteCommands
{
    public static async Task<int> RunAsync(string server, string project, string pipeline, IEnumerable<string> inputs, RunOptions options, bool json, bool detach, CancellationToken cancellationToken,
        bool graphs = false, bool verbose = false)
    {
        using var client = new ServerClient(server);
        var given = inputs.Select(Commands.InputBinding.Split).ToList();
        // A value that names a path must be a file: checked for all before anything is uploaded.
        foreach (var (node, value) in given.Where(g => !File.Exists(g.Value) && g.Value.IndexOfAny(['/', '\\']) >= 0))
            throw new DeepForgeException($"--input {node}", $"--input {node}={value}: there is no file {Path.GetFullPath(value)}");
        var uploaded = new List<string>();
        foreach (var (node, value) in given)
        {
            if (File.Exists(value)) uploaded.Add(options.Inputs[node] = await client.UploadAsync(project, Path.GetFileName(value), value, cancellationToken));
            else options.Inputs[node] = value;
        }
        ExecutionView started;
        try
        {
            started = await client.StartAsync(project, new StartExecutionRequest(pipeline, options.Inputs, options.Attributes, options.UseCache), cancellationToken);
        }
        catch (DeepForgeException)
        {
            // The server refused the run: the files uploaded for it go again, so a refused run leaves the artifacts as they were.
            foreach (var artifact in uploaded) await client.DeleteArtifactAsync(project, artifact, cancellationToken);
            throw;
        }
        if (!json) Console.Error.WriteLine($"Execution {started.Execution.Id} of {project}/{pipeline} on {server}");
        if (detach) return RemoteFollow.Detached(server, project, started.Execution.Id);
        var exit = await RemoteFollow.FollowCancellingOnCtrlCAsync(client, server, project, started.Execution.Id, json, verbose);
        if (graphs && !json)
        {
            using var source = new Logs.RemoteExecutionSource(server);
            await Logs.GraphPrinter.PrintAsync(source, started.Execution.Id, null, cancellationToken);
        }
        return exit;
    }

    public static async Task<int> ResumeAsync(string server, string executionId, bool json, CancellationToken cancellationToken, bool verbose = false)
    {
        using var client = new ServerClient(server);
        await client.ResumeAsync(executionId, cancellationToken);
        return await RemoteWatch.FollowAsync(client, executionId, json, cancellationToken, verbose);
    }

    public static async Task<int> CancelAsync(string server, string executionId, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        await client.CancelAsync(executionId, cancellationToken);
        Console.WriteLine($"Asked execution {executionId} on {server} to stop");
        return 0;
    }

    public static async Task<IReadOnlyList<RemoteSummary>> ListAsync(string server, string project, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        var list = await client.ListAsync(project, cancellationToken);
        return await QueuedReasons.AddAsync(client, list, cancellationToken);
    }

    public static async Task<IReadOnlyList<RemoteProject>> ProjectsAsync(string server, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        return await client.ProjectsAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<Models.ArtifactRecord>> ArtifactsAsync(string server, string project, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        return await client.ArtifactsAsync(project, cancellationToken);
    }
}
