using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>The command's side of the server's REST API, for <c>run</c>, <c>executions</c>, <c>cancel</c> and <c>resume</c> with <c>--server</c>.</summary>
internal sealed class ServerClient : IDisposable
{
    private static readonly JsonSerializerOptions Options = CreateOptions();
    private readonly HttpClient _http;
    private readonly string _server;

    /// <summary>A client of <paramref name="baseUrl"/> that sends the token <c>deepforge login</c> kept for it (or <paramref name="token"/>).</summary>
    public ServerClient(string baseUrl, string? token = null, string? dataDirectory = null)
    {
        _server = baseUrl.TrimEnd('/');
        _http = new HttpClient { BaseAddress = new Uri(_server + "/api/v1/"), Timeout = TimeSpan.FromMinutes(10) };
        token ??= new Logins(dataDirectory ?? DeepForge.Hosting.DeepForgeOptions.DefaultDataDirectory()).TokenFor(baseUrl);
        if (!string.IsNullOrEmpty(token)) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Who the token signs in as.</summary>
    public async Task<RemotePerson> MeAsync(CancellationToken cancellationToken) =>
        await ReadAsync<RemotePerson>(await _http.GetAsync("auth/me", cancellationToken), cancellationToken);

    /// <summary>Signs in with a name and password; the answer holds a new personal access token.</summary>
    public async Task<RemoteToken> SignInAsync(string name, string password, CancellationToken cancellationToken) =>
        await ReadAsync<RemoteToken>(await _http.PostAsJsonAsync("auth/tokens", new { name, password, description = $"deepforge login on {Environment.MachineName}" }, Options, cancellationToken), cancellationToken);

    /// <summary>The server's address as the user gave it.</summary>
    public string BaseUrl => _server;

    /// <summary>The projects the signed-in person may see.</summary>
    public async Task<IReadOnlyList<RemoteProject>> ProjectsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<RemoteProject>>(await _http.GetAsync("projects", cancellationToken), cancellationToken);

    public async Task<RemoteExecution> StartAsync(string project, object request, CancellationToken cancellationToken) =>
        await ReadAsync<RemoteExecution>(await _http.PostAsJsonAsync($"projects/{Uri.EscapeDataString(project)}/executions", request, Options, cancellationToken), cancellationToken);

    public async Task<RemoteExecution> GetAsync(string executionId, CancellationToken cancellationToken) =>
        await ReadAsync<RemoteExecution>(await _http.GetAsync($"executions/{Uri.EscapeDataString(executionId)}", cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<RemoteSummary>> ListAsync(string project, CancellationToken cancellationToken) =>
        await ReadAsync<List<RemoteSummary>>(await _http.GetAsync($"projects/{Uri.EscapeDataString(project)}/executions", cancellationToken), cancellationToken);

    public async Task CancelAsync(string executionId, CancellationToken cancellationToken) =>
        await EnsureAsync(await _http.PostAsync($"executions/{Uri.EscapeDataString(executionId)}/cancel", EmptyJson(), cancellationToken), cancellationToken);

    public async Task ResumeAsync(string executionId, CancellationToken cancellationToken) =>
        await EnsureAsync(await _http.PostAsync($"executions/{Uri.EscapeDataString(executionId)}/resume", EmptyJson(), cancellationToken), cancellationToken);

    public async Task<RemoteLogPage> LogAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken) =>
        await ReadAsync<RemoteLogPage>(await _http.GetAsync($"executions/{Uri.EscapeDataString(executionId)}/nodes/{Uri.EscapeDataString(nodeId)}/log?after={after}", cancellationToken), cancellationToken);

    public async Task<RemoteFeedbackPage> FeedbackAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken) =>
        await ReadAsync<RemoteFeedbackPage>(await _http.GetAsync($"executions/{Uri.EscapeDataString(executionId)}/nodes/{Uri.EscapeDataString(nodeId)}/feedback?after={after}", cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ArtifactRecord>> ArtifactsAsync(string project, CancellationToken cancellationToken) =>
        await ReadAsync<List<ArtifactRecord>>(await _http.GetAsync($"projects/{Uri.EscapeDataString(project)}/artifacts", cancellationToken), cancellationToken);

    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await EnsureAsync(await _http.DeleteAsync(path, cancellationToken), cancellationToken);

    public async Task<string> UploadAsync(string project, string name, string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await _http.PostAsync($"projects/{Uri.EscapeDataString(project)}/artifacts?name={Uri.EscapeDataString(name)}", content, cancellationToken);
        return (await ReadAsync<ArtifactRecord>(response, cancellationToken)).Id;
    }

    /// <summary>Writes an artifact exported by the server to <paramref name="output"/>; gives the file name the server suggests.</summary>
    public async Task<string?> ExportAsync(string project, string artifact, string format, Stream output, CancellationToken cancellationToken)
    {
        var path = $"projects/{Uri.EscapeDataString(project)}/artifacts/{Uri.EscapeDataString(artifact)}/export?format={Uri.EscapeDataString(format)}";
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        await response.Content.CopyToAsync(output, cancellationToken);
        var disposition = response.Content.Headers.ContentDisposition;
        return (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
    }

    public async Task DeleteArtifactAsync(string project, string artifactId, CancellationToken cancellationToken) =>
        await EnsureAsync(await _http.DeleteAsync($"projects/{Uri.EscapeDataString(project)}/artifacts/{Uri.EscapeDataString(artifactId)}", cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<DeepForge.Metrics.NodeMetrics>> MetricsAsync(string executionId, CancellationToken cancellationToken) =>
        await ReadAsync<List<DeepForge.Metrics.NodeMetrics>>(await _http.GetAsync($"executions/{Uri.EscapeDataString(executionId)}/metrics", cancellationToken), cancellationToken);

    public void Dispose() => _http.Dispose();

    // State-changing requests must say they send JSON, so one that carries nothing sends {}.
    private static StringContent EmptyJson() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Options, cancellationToken) ?? throw new InvalidDataException("the server sent an empty answer");
    }

    // The server answers bad input with a problem document naming what was wrong; pass its words on.
    private async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = TryDetail(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var where = response.RequestMessage?.RequestUri?.AbsolutePath ?? "server";
        if (response.StatusCode == HttpStatusCode.Unauthorized && !where.EndsWith("/auth/tokens", StringComparison.Ordinal))
            throw new DeepForgeException(_server, $"{_server} did not accept your sign-in: run 'deepforge login {_server}' (with your name and password, or --token)");
        if (response.StatusCode == HttpStatusCode.Forbidden) throw new DeepForgeException(where, detail);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests)
            throw new DeepForgeException(where, detail);
        throw new HttpRequestException($"{where}: {detail}", null, response.StatusCode);
    }

    private static string? TryDetail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    // The server's JSON: NaN and Infinity in outputs and feedback arrive as "NaN" and "Infinity".
    private static JsonSerializerOptions CreateOptions() => Json.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
