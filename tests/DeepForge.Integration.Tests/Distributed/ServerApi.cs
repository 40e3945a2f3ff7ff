using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>The server's REST API over loopback HTTP, read as JSON (the tests reference no DeepForge code).</summary>
internal sealed class ServerApi(string baseUrl) : IDisposable
{
    public const string ProtocolHeader = "X-DeepForge-Protocol";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A person's client (the cluster gives it an admin's personal access token).</summary>
    public HttpClient Http { get; } = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    // Runner-protocol requests carry the worker token they are given, or none: never the person's token.
    private readonly HttpClient _runner = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>GETs a path that must answer 200 and returns its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Starts a pipeline (POST /projects/{project}/executions) and returns the execution's id.</summary>
    public async Task<string> StartAsync(string project, string pipeline)
    {
        using var response = await Http.PostAsync($"/api/v1/projects/{project}/executions", Json(new { pipeline }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"starting {project}/{pipeline} -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("execution").GetProperty("id").GetString()!;
    }

    /// <summary>An execution and its nodes.</summary>
    public async Task<ExecutionInfo> ExecutionAsync(string id)
    {
        var view = await GetJsonAsync($"/api/v1/executions/{id}");
        var execution = view.GetProperty("execution");
        return new ExecutionInfo(execution.GetProperty("id").GetString()!, execution.GetProperty("status").GetString()!,
            execution.TryGetProperty("error", out var error) ? error.GetString() : null,
            view.GetProperty("nodes").Deserialize<List<NodeInfo>>(Web)!, view);
    }

    public async Task<IReadOnlyList<JobInfo>> JobsAsync(string executionId) =>
        (await GetJsonAsync($"/api/v1/executions/{executionId}/jobs")).Deserialize<List<JobInfo>>(Web)!;

    /// <summary>The newest job of a node, or null when it has none yet.</summary>
    public async Task<JobInfo?> JobOfAsync(string executionId, string nodeId) =>
        (await JobsAsync(executionId)).Where(j => j.NodeId == nodeId).MaxBy(j => j.EnqueuedAt);

    public async Task<IReadOnlyList<RunnerInfo>> RunnersAsync() => (await GetJsonAsync("/api/v1/runners")).Deserialize<List<RunnerInfo>>(Web)!;

    public async Task<IReadOnlyList<ArtifactInfo>> ArtifactsAsync(string project) =>
        (await GetJsonAsync($"/api/v1/projects/{project}/artifacts")).Deserialize<List<ArtifactInfo>>(Web)!;

    public async Task<IReadOnlyList<ExecutionSummaryInfo>> ExecutionsAsync(string project) =>
        (await GetJsonAsync($"/api/v1/projects/{project}/executions")).Deserialize<List<ExecutionSummaryInfo>>(Web)!;

    /// <summary>Waits until the execution has ended and asserts it ended with <paramref name="status"/>.</summary>
    public async Task<ExecutionInfo> WaitForEndAsync(string id, string status, TimeSpan timeout, Func<string> describe)
    {
        var ended = await Poll.UntilAsync(async () => await ExecutionAsync(id) is { Status: "succeeded" or "failed" or "cancelled" } e ? e : null,
            timeout, () => $"execution {id} did not end\n{describe()}");
        Assert.True(ended.Status == status, $"expected execution {id} to be {status}: {ended.Json}\n{describe()}");
        return ended;
    }

    /// <summary>A runner-protocol request: the protocol version header, and the worker token when one is given.</summary>
    public static HttpRequestMessage Runner(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ProtocolHeader, "1");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await (request.Headers.Contains(ProtocolHeader) ? _runner : Http).SendAsync(request))
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value, Web), Encoding.UTF8, "application/json");

    /// <summary>The "detail" of a problem answer, or the body when it is not one.</summary>
    public static string Detail(string body)
    {
        try { return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body; }
        catch (JsonException) { return body; }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose()
    {
        Http.Dispose();
        _runner.Dispose();
    }
}

internal sealed record ExecutionInfo(string Id, string Status, string? Error, IReadOnlyList<NodeInfo> Nodes, JsonElement Json)
{
    public NodeInfo Node(string id) => Nodes.Single(n => n.NodeId == id);
}

internal sealed record NodeInfo(string NodeId, string Status, int Attempts, string? Waiting, string? Error);

internal sealed record ExecutionSummaryInfo(string Id, string Pipeline, string Status);

/// <summary>A job as GET /executions/{id}/jobs shows it (never with its lease token).</summary>
internal sealed record JobInfo(string Id, string NodeId, string Operation, string Status, string[] Labels, string? RunnerId, int Attempts,
    bool CancelRequested, DateTimeOffset EnqueuedAt, DateTimeOffset? FinishedAt, string? Error);

internal sealed record RunnerInfo(string Id, string[] Labels);

internal sealed record ArtifactInfo(string Id, string Name, string Hash, long Size, string? ExecutionId, string? NodeId);
