using System.Net;
using System.Net.Http.Json;
using DeepForge.Api;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Server.Api.Executions;

namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>What a user (the CLI, the designer) does over the REST API.</summary>
internal sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task SaveProjectAsync(ProjectDefinition project)
    {
        using var response = await http.PutAsJsonAsync($"/api/v1/projects/{project.Name}", project, Json.Options);
        await Expect(response, HttpStatusCode.OK);
    }

    public async Task<ExecutionView> StartAsync(string project, string pipeline)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/projects/{project}/executions", new { pipeline }, Json.Options);
        await Expect(response, HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<ExecutionView>(Json.Options))!;
    }

    public async Task<ExecutionView> ExecutionAsync(string executionId) =>
        (await http.GetFromJsonAsync<ExecutionView>($"/api/v1/executions/{executionId}", Json.Options))!;

    public async Task<List<JobView>> JobsAsync(string executionId) =>
        (await http.GetFromJsonAsync<List<JobView>>($"/api/v1/executions/{executionId}/jobs", Json.Options))!;

    public async Task<List<ArtifactRecord>> ArtifactsAsync(string project) =>
        (await http.GetFromJsonAsync<List<ArtifactRecord>>($"/api/v1/projects/{project}/artifacts", Json.Options))!;

    /// <summary>Waits until the execution ends, and checks it ended as <paramref name="status"/>.</summary>
    public async Task<ExecutionView> WaitForAsync(string executionId, ExecutionStatus status, int seconds = 90)
    {
        var view = await Eventually.GetAsync(() => ExecutionAsync(executionId), v => v.Execution.Status == status || IsFinal(v.Execution.Status),
            $"execution {executionId} to be {status}", seconds);
        Assert.True(view.Execution.Status == status, $"execution {executionId} ended {view.Execution.Status}, not {status}: {view.Execution.Error}");
        return view;
    }

    private static bool IsFinal(ExecutionStatus status) => status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled;

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => http.Dispose();
}
