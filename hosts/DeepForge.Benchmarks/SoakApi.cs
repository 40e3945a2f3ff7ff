using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Benchmarks;

/// <summary>
/// What <c>bench soak</c> does to its server, over its REST API as a program or the designer would: save the project
/// with GET and PUT (If-Match), start a run and follow it until it ends.
/// </summary>
internal sealed class SoakApi(string url) : IDisposable
{
    private static readonly JsonSerializerOptions Options = Json.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(5);
    private readonly HttpClient _http = new() { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromMinutes(2) };

    public async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("ready", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException) { return false; }
    }

    public async Task<int> WorkersAsync(CancellationToken cancellationToken) =>
        JsonNode.Parse(await _http.GetStringAsync("api/v1/runners", cancellationToken))!.AsArray().Count;

    /// <summary>Creates the project: Make at edit 0, Measure, and the pipeline Make → Measure.</summary>
    public async Task CreateAsync(int length, CancellationToken cancellationToken)
    {
        var pipeline = new PipelineDefinition { Name = SoakOperations.Pipeline };
        pipeline.Nodes.Add(new PipelineNode { Id = "make", Operation = "Make", Attributes = { ["length"] = JsonSerializer.SerializeToElement(length), ["seed"] = JsonSerializer.SerializeToElement(0) } });
        pipeline.Nodes.Add(new PipelineNode { Id = "measure", Operation = "Measure" });
        pipeline.Connections.Add(new Connection("make.text", "measure.text"));
        var project = new ProjectDefinition
        {
            Name = SoakOperations.Project, Pipelines = { pipeline },
            Sources = { new SourceFile(SoakOperations.MakePath, SoakOperations.Make(0)), new SourceFile(SoakOperations.MeasurePath, SoakOperations.Measure) },
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/v1/projects/{SoakOperations.Project}") { Content = JsonBody(JsonSerializer.Serialize(project, Options)) };
        put.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        await EnsureAsync(await _http.SendAsync(put, cancellationToken), "creating the soak project", cancellationToken);
    }

    /// <summary>One edit: reads the project, puts edit <paramref name="edit"/> into Make's source, and saves it against the version it read.</summary>
    public async Task EditAsync(int edit, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/v1/projects/{SoakOperations.Project}", cancellationToken);
        await EnsureAsync(response, "reading the soak project", cancellationToken);
        var project = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        var make = project["sources"]!.AsArray().Single(s => s!["path"]!.GetValue<string>() == SoakOperations.MakePath)!;
        make["text"] = SoakOperations.Make(edit);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/v1/projects/{SoakOperations.Project}") { Content = JsonBody(project.ToJsonString()) };
        put.Headers.IfMatch.Add(response.Headers.ETag!);
        using var saved = await _http.SendAsync(put, cancellationToken);
        await EnsureAsync(saved, $"saving edit {edit}", cancellationToken);
        var problems = JsonNode.Parse(await saved.Content.ReadAsStringAsync(cancellationToken))?["problems"]?.AsArray();
        if (problems is { Count: > 0 }) throw new InvalidOperationException($"edit {edit} does not compile: {problems.ToJsonString()}");
    }

    /// <summary>Runs the pipeline without the cache (Make's seed is the run's number, so its blob is new) and waits for it to succeed.</summary>
    public async Task RunAsync(int run, Action checkProcesses, CancellationToken cancellationToken)
    {
        var request = new { pipeline = SoakOperations.Pipeline, useCache = false, attributes = new Dictionary<string, Dictionary<string, int>> { ["make"] = new() { ["seed"] = run } } };
        using var started = await _http.PostAsync($"api/v1/projects/{SoakOperations.Project}/executions", JsonBody(JsonSerializer.Serialize(request, Options)), cancellationToken);
        await EnsureAsync(started, $"starting run {run}", cancellationToken);
        var id = JsonNode.Parse(await started.Content.ReadAsStringAsync(cancellationToken))!["execution"]!["id"]!.GetValue<string>();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(RunBound);
        while (true)
        {
            checkProcesses();
            var execution = JsonNode.Parse(await _http.GetStringAsync($"api/v1/executions/{id}", bound.Token))!["execution"]!;
            var status = execution["status"]!.GetValue<string>();
            if (status.Equals(nameof(ExecutionStatus.Succeeded), StringComparison.OrdinalIgnoreCase)) return;
            if (status.Equals(nameof(ExecutionStatus.Failed), StringComparison.OrdinalIgnoreCase) || status.Equals(nameof(ExecutionStatus.Cancelled), StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"soak run {run} ended {status}: {execution["error"]}");
            await Task.Delay(50, bound.Token);
        }
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what}: the server answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    public void Dispose() => _http.Dispose();
}
