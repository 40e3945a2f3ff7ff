using System.Net;
using DeepForge.Api;
using DeepForge.Client;
using DeepForge.Hosting;
using DeepForge.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Remote;

/// <summary>
/// The command's side of the server's REST API, for <c>run</c>, <c>executions</c>, <c>cancel</c>, <c>resume</c>, <c>login</c>
/// and <c>export</c> with <c>--server</c>: DeepForge.Client, with the server's refusals in the command's words (a refused
/// sign-in says to log in; bad input is the server's one line).
/// </summary>
internal sealed class ServerClient : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IDeepForgeClient _api;
    private readonly string _server;

    /// <summary>A client of <paramref name="baseUrl"/> that sends the token <c>deepforge login</c> kept for it (or <paramref name="token"/>).</summary>
    public ServerClient(string baseUrl, string? token = null, string? dataDirectory = null)
    {
        _server = baseUrl.TrimEnd('/');
        token ??= new Logins(dataDirectory ?? DeepForgeOptions.DefaultDataDirectory()).TokenFor(baseUrl);
        var services = new ServiceCollection();
        services.AddDeepForgeClient(o =>
        {
            o.ServerUrl = new Uri(_server + "/");
            o.Token = token;
            o.RequestTimeout = TimeSpan.FromMinutes(10);
        });
        _services = services.BuildServiceProvider();
        _api = _services.GetRequiredService<IDeepForgeClient>();
    }

    /// <summary>The server's address as the user gave it.</summary>
    public string BaseUrl => _server;

    /// <summary>Who the token signs in as.</summary>
    public Task<PersonView> MeAsync(CancellationToken cancellationToken) => Call(ct => _api.MeAsync(ct), cancellationToken);

    /// <summary>Signs in with a name and password; the answer holds a new personal access token.</summary>
    public Task<SignInReply> SignInAsync(string name, string password, CancellationToken cancellationToken) =>
        Call(ct => _api.SignInAsync(new SignInRequest(name, password, $"deepforge login on {Environment.MachineName}"), ct), cancellationToken);

    /// <summary>The projects the signed-in person may see.</summary>
    public async Task<IReadOnlyList<RemoteProject>> ProjectsAsync(CancellationToken cancellationToken) =>
        (await Call(ct => _api.ProjectsAsync(ct), cancellationToken)).Select(RemoteProject.Of).ToList();

    /// <summary>Servers, workers and the queue, for <c>deepforge status</c>.</summary>
    public Task<StatusView> StatusAsync(CancellationToken cancellationToken) => Call(ct => _api.StatusAsync(ct), cancellationToken);

    public Task<ExecutionView> StartAsync(string project, StartExecutionRequest request, CancellationToken cancellationToken) =>
        Call(ct => _api.StartExecutionAsync(project, request, ct), cancellationToken);

    public Task<ExecutionView> GetAsync(string executionId, CancellationToken cancellationToken) =>
        Call(ct => _api.GetExecutionAsync(executionId, ct), cancellationToken);

    public async Task<IReadOnlyList<RemoteSummary>> ListAsync(string project, CancellationToken cancellationToken) =>
        (await Call(ct => _api.ExecutionsAsync(project, ct), cancellationToken)).Select(RemoteSummary.Of).ToList();

    public Task CancelAsync(string executionId, CancellationToken cancellationToken) =>
        Call(async ct => { await _api.CancelExecutionAsync(executionId, ct); return true; }, cancellationToken);

    public Task ResumeAsync(string executionId, CancellationToken cancellationToken) =>
        Call(async ct => { await _api.ResumeExecutionAsync(executionId, ct); return true; }, cancellationToken);

    public Task<StreamPage<LogEntry>> LogAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken) =>
        Call(ct => _api.LogAsync(executionId, nodeId, after, ct), cancellationToken);

    public Task<StreamPage<FeedbackEntry>> FeedbackAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken) =>
        Call(ct => _api.FeedbackAsync(executionId, nodeId, after, ct), cancellationToken);

    public Task<IReadOnlyList<ArtifactRecord>> ArtifactsAsync(string project, CancellationToken cancellationToken) =>
        Call(ct => _api.ArtifactsAsync(project, ct), cancellationToken);

    public async Task<string> UploadAsync(string project, string name, string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return (await Call(ct => _api.UploadArtifactAsync(project, name, file, ct), cancellationToken)).Id;
    }

    /// <summary>Writes an artifact exported by the server to <paramref name="output"/>; gives the file name the server suggests.</summary>
    public Task<string?> ExportAsync(string project, string artifact, string format, Stream output, CancellationToken cancellationToken) =>
        Call(ct => _api.ExportArtifactAsync(project, artifact, format, output, ct), cancellationToken);

    public Task DeleteArtifactAsync(string project, string artifactId, CancellationToken cancellationToken) =>
        Call(async ct => { await _api.DeleteArtifactAsync(project, artifactId, ct); return true; }, cancellationToken);

    public Task<IReadOnlyList<DeepForge.Metrics.NodeMetrics>> MetricsAsync(string executionId, CancellationToken cancellationToken) =>
        Call(ct => _api.MetricsAsync(executionId, ct), cancellationToken);

    public Task<DeepForge.Sweeps.SweepTable> StartSweepAsync(string project, StartSweepRequest request, CancellationToken cancellationToken) =>
        Call(ct => _api.StartSweepAsync(project, request, ct), cancellationToken);

    public Task<IReadOnlyList<SweepSummary>> SweepsAsync(string project, CancellationToken cancellationToken) =>
        Call(ct => _api.SweepsAsync(project, ct), cancellationToken);

    public Task<DeepForge.Sweeps.SweepTable> SweepAsync(string project, string sweepId, CancellationToken cancellationToken) =>
        Call(ct => _api.SweepAsync(project, sweepId, ct), cancellationToken);

    public Task<IReadOnlyList<ScheduleView>> SchedulesAsync(string project, CancellationToken cancellationToken) =>
        Call(ct => _api.SchedulesAsync(project, ct), cancellationToken);

    public Task<ScheduleView> AddScheduleAsync(string project, AddScheduleRequest request, CancellationToken cancellationToken) =>
        Call(ct => _api.AddScheduleAsync(project, request, ct), cancellationToken);

    public Task<ScheduleView> SetSchedulePausedAsync(string project, string scheduleId, bool paused, CancellationToken cancellationToken) =>
        Call(ct => _api.SetSchedulePausedAsync(project, scheduleId, paused, ct), cancellationToken);

    public Task RemoveScheduleAsync(string project, string scheduleId, CancellationToken cancellationToken) =>
        Call(async ct => { await _api.RemoveScheduleAsync(project, scheduleId, ct); return true; }, cancellationToken);

    public void Dispose() => _services.Dispose();

    private async Task<T> Call<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (DeepForgeApiException e) when (Refusal(e) is { } refusal)
        {
            throw refusal;
        }
    }

    // The server answers bad input with a problem document naming what was wrong: its words go on as the command's own error.
    // What may pass by itself (no answer, a 5xx) stays a DeepForgeApiException, which following a run waits out.
    private DeepForgeException? Refusal(DeepForgeApiException e)
    {
        var where = e.Request[(e.Request.IndexOf(' ') + 1)..];
        var detail = e.Problem ?? $"{(int?)e.Status} {e.Status}";
        if (e.Status == HttpStatusCode.Unauthorized && !where.EndsWith("/auth/tokens", StringComparison.Ordinal))
            return new DeepForgeException(_server, $"{_server} did not accept your sign-in: run 'deepforge login {_server}' (with your name and password, or --token)", e);
        return e.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.Unauthorized
            or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
            ? new DeepForgeException(where, detail, e)
            : null;
    }
}
