using System.Net.Http.Headers;
using DeepForge.Api;
using DeepForge.Models;

namespace DeepForge.Client.Http;

/// <summary>The REST API over one <see cref="ApiTransport"/>.</summary>
internal sealed class RestClient(ApiTransport transport) : IDeepForgeClient
{
    private TimeSpan Timeout => transport.Options.RequestTimeout;

    public Uri ServerUrl => transport.ServerUrl;

    public Task<PersonView> MeAsync(CancellationToken cancellationToken) =>
        GetJsonAsync<PersonView>("api/v1/auth/me", cancellationToken);

    public Task<SignInReply> SignInAsync(SignInRequest request, CancellationToken cancellationToken) =>
        PostJsonAsync<SignInReply>("api/v1/auth/tokens", ApiTransport.Json(request), cancellationToken);

    public Task<StatusView> StatusAsync(CancellationToken cancellationToken) =>
        GetJsonAsync<StatusView>("api/v1/status", cancellationToken);

    public async Task<IReadOnlyList<DeepForge.Metrics.NodeMetrics>> MetricsAsync(string executionId, CancellationToken cancellationToken) =>
        await GetJsonAsync<List<DeepForge.Metrics.NodeMetrics>>($"api/v1/executions/{Escape(executionId)}/metrics", cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ProjectSummary>> ProjectsAsync(CancellationToken cancellationToken) =>
        await GetJsonAsync<List<ProjectSummary>>("api/v1/projects", cancellationToken).ConfigureAwait(false);

    public Task<ExecutionView> StartExecutionAsync(string project, StartExecutionRequest request, CancellationToken cancellationToken) =>
        PostJsonAsync<ExecutionView>($"api/v1/projects/{Escape(project)}/executions", ApiTransport.Json(request), cancellationToken);

    public Task<ExecutionView> GetExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        GetJsonAsync<ExecutionView>($"api/v1/executions/{Escape(executionId)}", cancellationToken);

    public async Task<IReadOnlyList<ExecutionSummary>> ExecutionsAsync(string project, CancellationToken cancellationToken) =>
        await GetJsonAsync<List<ExecutionSummary>>($"api/v1/projects/{Escape(project)}/executions", cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ScheduleView>> SchedulesAsync(string project, CancellationToken cancellationToken) =>
        await GetJsonAsync<List<ScheduleView>>($"api/v1/projects/{Escape(project)}/schedules", cancellationToken).ConfigureAwait(false);

    public Task<ScheduleView> AddScheduleAsync(string project, AddScheduleRequest request, CancellationToken cancellationToken) =>
        PostJsonAsync<ScheduleView>($"api/v1/projects/{Escape(project)}/schedules", ApiTransport.Json(request), cancellationToken);

    public Task<ScheduleView> SetSchedulePausedAsync(string project, string scheduleId, bool paused, CancellationToken cancellationToken) =>
        PostJsonAsync<ScheduleView>($"api/v1/projects/{Escape(project)}/schedules/{Escape(scheduleId)}/{(paused ? "pause" : "resume")}", EmptyJson(), cancellationToken);

    public async Task RemoveScheduleAsync(string project, string scheduleId, CancellationToken cancellationToken)
    {
        var call = new ApiRequest(HttpMethod.Delete, $"api/v1/projects/{Escape(project)}/schedules/{Escape(scheduleId)}", Timeout);
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    public Task CancelExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        PostJsonAsync<ExecutionView>($"api/v1/executions/{Escape(executionId)}/cancel", EmptyJson(), cancellationToken);

    public Task ResumeExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        PostJsonAsync<ExecutionView>($"api/v1/executions/{Escape(executionId)}/resume", EmptyJson(), cancellationToken);

    public Task<DeepForge.Sweeps.SweepTable> StartSweepAsync(string project, StartSweepRequest request, CancellationToken cancellationToken) =>
        PostJsonAsync<DeepForge.Sweeps.SweepTable>($"api/v1/projects/{Escape(project)}/sweeps", ApiTransport.Json(request), cancellationToken);

    public async Task<IReadOnlyList<SweepSummary>> SweepsAsync(string project, CancellationToken cancellationToken) =>
        await GetJsonAsync<List<SweepSummary>>($"api/v1/projects/{Escape(project)}/sweeps", cancellationToken).ConfigureAwait(false);

    public Task<DeepForge.Sweeps.SweepTable> SweepAsync(string project, string sweepId, CancellationToken cancellationToken) =>
        GetJsonAsync<DeepForge.Sweeps.SweepTable>($"api/v1/projects/{Escape(project)}/sweeps/{Escape(sweepId)}", cancellationToken);

    public Task<StreamPage<LogEntry>> LogAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken) =>
        GetJsonAsync<StreamPage<LogEntry>>($"api/v1/executions/{Escape(executionId)}/nodes/{Escape(nodeId)}/log?after={after}", cancellationToken);

    public Task<StreamPage<FeedbackEntry>> FeedbackAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken) =>
        GetJsonAsync<StreamPage<FeedbackEntry>>($"api/v1/executions/{Escape(executionId)}/nodes/{Escape(nodeId)}/feedback?after={after}", cancellationToken);

    public async Task<IReadOnlyList<ArtifactRecord>> ArtifactsAsync(string project, CancellationToken cancellationToken) =>
        await GetJsonAsync<List<ArtifactRecord>>($"api/v1/projects/{Escape(project)}/artifacts", cancellationToken).ConfigureAwait(false);

    public async Task<ArtifactRecord> UploadArtifactAsync(string project, string name, Stream content, CancellationToken cancellationToken)
    {
        var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // An upload takes as long as it takes: bounded by the caller's cancellation, not the request timeout.
        var call = new ApiRequest(HttpMethod.Post, $"api/v1/projects/{Escape(project)}/artifacts?name={Escape(name)}", System.Threading.Timeout.InfiniteTimeSpan) { Content = body };
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return await ApiTransport.ReadJsonAsync<ArtifactRecord>(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteArtifactAsync(string project, string artifactId, CancellationToken cancellationToken)
    {
        var call = new ApiRequest(HttpMethod.Delete, $"api/v1/projects/{Escape(project)}/artifacts/{Escape(artifactId)}", Timeout);
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ExportArtifactAsync(string project, string artifact, string format, Stream output, CancellationToken cancellationToken)
    {
        var call = new ApiRequest(HttpMethod.Get, $"api/v1/projects/{Escape(project)}/artifacts/{Escape(artifact)}/export?format={Escape(format)}",
            System.Threading.Timeout.InfiniteTimeSpan) { Completion = HttpCompletionOption.ResponseHeadersRead };
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        await ApiTransport.EnsureSuccessAsync(response, call.Name, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        var disposition = response.Content.Headers.ContentDisposition;
        return (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
    }

    private async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        var call = new ApiRequest(HttpMethod.Get, path, Timeout);
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return await ApiTransport.ReadJsonAsync<T>(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> PostJsonAsync<T>(string path, HttpContent body, CancellationToken cancellationToken)
    {
        var call = new ApiRequest(HttpMethod.Post, path, Timeout) { Content = body };
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return await ApiTransport.ReadJsonAsync<T>(response, call.Name, cancellationToken).ConfigureAwait(false);
    }

    // State-changing requests must say they send JSON, so one that carries nothing sends {}.
    private static StringContent EmptyJson() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
