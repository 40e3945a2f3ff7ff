using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DeepForge.Catalog;
using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runner.Protocol;

namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>
/// A worker as the runner protocol sees it: it leases, heartbeats, uploads blobs and completes over HTTP.
/// It stands in for running the test operations by computing their results itself.
/// </summary>
internal sealed class WorkerClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _runnerId;
    private readonly string[] _labels;

    public WorkerClient(HttpClient http, string token, string runnerId, string[] labels)
    {
        (_http, _runnerId, _labels) = (http, runnerId, labels);
        _http.DefaultRequestHeaders.Add(RunnerProtocol.VersionHeader, RunnerProtocol.Version.ToString());
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public HttpClient Http => _http;

    /// <summary>A job, or null when none came within <paramref name="waitSeconds"/>.</summary>
    public async Task<LeasedJob?> LeaseAsync(int waitSeconds = 30)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/runners/lease", new LeaseRequest(_runnerId, _labels, 1, "test-host", waitSeconds), Json.Options);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        await ApiClient.Expect(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<LeasedJob>(Json.Options);
    }

    /// <summary>Leases until a job comes, within a bound.</summary>
    public async Task<LeasedJob> NextJobAsync(int seconds = 90) =>
        (await Eventually.GetAsync(() => LeaseAsync(5), job => job != null, $"a job for runner {_runnerId}", seconds))!;

    public Task<HttpResponseMessage> HeartbeatAsync(LeasedJob job, params string[] log) => HeartbeatAsync(job.JobId, job.LeaseToken, log);

    public Task<HttpResponseMessage> HeartbeatAsync(string jobId, string leaseToken, params string[] log) =>
        HeartbeatAsync(jobId, leaseToken, log, []);

    public Task<HttpResponseMessage> HeartbeatAsync(string jobId, string leaseToken, string[] log, FeedbackEvent[] feedback) =>
        _http.PostAsJsonAsync($"/api/v1/jobs/{jobId}/heartbeat", new HeartbeatRequest(leaseToken, log, feedback), Json.Options);

    public Task<HttpResponseMessage> CompleteAsync(string jobId, string leaseToken, IReadOnlyDictionary<string, OutputValue> outputs) =>
        _http.PostAsJsonAsync($"/api/v1/jobs/{jobId}/complete", new CompleteRequest(leaseToken, outputs), Json.Options);

    public Task<HttpResponseMessage> FailAsync(string jobId, string leaseToken, string error) =>
        _http.PostAsJsonAsync($"/api/v1/jobs/{jobId}/fail", new FailRequest(leaseToken, error), Json.Options);

    /// <summary>Stores a value as its operation would (JSON), and returns the output that names it.</summary>
    public async Task<OutputValue> UploadAsync(object value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var response = await _http.PutAsync($"/api/v1/blobs/{hash}", TestData.Upload(bytes));
        if (response.StatusCode != HttpStatusCode.OK) await ApiClient.Expect(response, HttpStatusCode.Created);
        return new OutputValue(DataTypeNames.Of(value.GetType()), hash, bytes.Length);
    }

    /// <summary>Runs a leased job of the test operations: reads its inputs, computes, uploads, completes.</summary>
    public async Task<HttpResponseMessage> RunAsync(LeasedJob job)
    {
        var outputs = new Dictionary<string, OutputValue>();
        foreach (var (port, value) in await ComputeAsync(job)) outputs[port] = await UploadAsync(value);
        return await CompleteAsync(job.JobId, job.LeaseToken, outputs);
    }

    private async Task<Dictionary<string, object>> ComputeAsync(LeasedJob job) => job.Spec.Operation switch
    {
        "Numbers" => new() { ["values"] = Enumerable.Range(1, Attribute(job, "count", 3)).ToArray() },
        "GpuNumbers" => new() { ["values"] = new[] { 1, 2, 3 } },
        "Diverge" => new() { ["loss"] = double.NaN },
        "Scale" => new() { ["scaled"] = (await InputAsync<int[]>(job, "values")).Select(v => v * Attribute(job, "factor", 1.0)).ToArray() },
        "Sum" => new() { ["total"] = (await InputAsync<double[]>(job, "values")).Sum() },
        var other => throw new InvalidOperationException($"the test worker cannot run operation {other}"),
    };

    private static T Attribute<T>(LeasedJob job, string name, T fallback) =>
        job.Spec.Attributes.TryGetValue(name, out var value) ? value.Deserialize<T>(Json.Options)! : fallback;

    private async Task<T> InputAsync<T>(LeasedJob job, string port)
    {
        var hash = job.Spec.Inputs[port].Hash;
        return JsonSerializer.Deserialize<T>(await _http.GetByteArrayAsync($"/api/v1/blobs/{hash}"), Json.Options)!;
    }

    /// <summary>Runs every job of the execution that comes, until it has run <paramref name="count"/> jobs.</summary>
    public async Task RunJobsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var job = await NextJobAsync();
            using var response = await RunAsync(job);
            await ApiClient.Expect(response, HttpStatusCode.OK);
        }
    }

    public void Dispose() => _http.Dispose();
}
