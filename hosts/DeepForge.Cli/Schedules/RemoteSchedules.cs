using DeepForge.Api;
using DeepForge.Cli.Commands;
using DeepForge.Cli.Remote;
using DeepForge.Runtime;
using DeepForge.Schedules;

namespace DeepForge.Cli.Schedules;

/// <summary>Schedules on a running server (<c>--server URL</c>).</summary>
internal static class RemoteSchedules
{
    /// <summary>Uploads the files given as inputs, then adds the schedule; a refused schedule takes its uploads away again.</summary>
    public static async Task<ScheduleView> AddAsync(string server, string project, IEnumerable<string> inputs, RunOptions options, Func<AddScheduleRequest> request,
        CancellationToken cancellationToken)
    {
        ScheduleService.CheckRequest(request());
        using var client = new ServerClient(server);
        var given = inputs.Select(InputBinding.Split).ToList();
        foreach (var (node, value) in given.Where(g => !File.Exists(g.Value) && g.Value.IndexOfAny(['/', '\\']) >= 0))
            throw new DeepForgeException($"--input {node}", $"--input {node}={value}: there is no file {Path.GetFullPath(value)}");
        var uploaded = new List<string>();
        foreach (var (node, value) in given)
        {
            if (File.Exists(value)) uploaded.Add(options.Inputs[node] = await client.UploadAsync(project, Path.GetFileName(value), value, cancellationToken));
            else options.Inputs[node] = value;
        }
        try
        {
            return await client.AddScheduleAsync(project, request(), cancellationToken);
        }
        catch (DeepForgeException)
        {
            foreach (var artifact in uploaded) await client.DeleteArtifactAsync(project, artifact, cancellationToken);
            throw;
        }
    }

    /// <summary>The schedules of one project, or of every project the signed-in person may see.</summary>
    public static async Task<IReadOnlyList<ScheduleView>> ListAsync(string server, string? project, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        if (project != null) return await client.SchedulesAsync(project, cancellationToken);
        var all = new List<ScheduleView>();
        foreach (var p in await client.ProjectsAsync(cancellationToken)) all.AddRange(await client.SchedulesAsync(p.Name, cancellationToken));
        return all;
    }

    public static async Task<ScheduleView> SetPausedAsync(string server, string project, string schedule, bool paused, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        return await client.SetSchedulePausedAsync(project, schedule, paused, cancellationToken);
    }

    public static async Task RemoveAsync(string server, string project, string schedule, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        await client.RemoveScheduleAsync(project, schedule, cancellationToken);
    }
}
