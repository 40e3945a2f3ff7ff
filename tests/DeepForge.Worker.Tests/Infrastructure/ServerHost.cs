using DeepForge.Hosting;
using DeepForge.Models;
using DeepForge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>
/// The real DeepForge server (AddDeepForgeServer + MapDeepForgeServer) on Kestrel, on a loopback port,
/// over a data folder with SQLite and blob.dir; a second one on the same folder and port is the same server restarted.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    public const string WorkerToken = "dfw_worker-tests-token";

    private readonly WebApplication _app;
    private bool _stopped;

    private ServerHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Url = app.Urls.Single();
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Url { get; }

    public string DataDirectory { get; }

    public string BlobDirectory => Path.Combine(DataDirectory, "blob");

    /// <summary>A user's HTTP client of the REST API, signed in as an admin with a personal access token.</summary>
    public HttpClient Http { get; }

    public DeepForgeEngine Engine => _app.Services.GetRequiredService<DeepForgeEngine>();

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHost> StartAsync(string dataDirectory, int port = 0, LogCollector? logs = null, Action<DeepForgeServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        if (logs != null) builder.Logging.AddProvider(logs);
        builder.Services.AddDeepForge(df => df.UseDataDirectory(dataDirectory).UseBlobDirectory(Path.Combine(dataDirectory, "blob"))
            .UseSqlite(Path.Combine(dataDirectory, "deepforge.db")));
        builder.Services.AddDeepForgeServer(o =>
        {
            (o.Host, o.Port) = ("127.0.0.1", port);
            o.WorkerTokens.Add(WorkerToken);
            o.LongPoll = TimeSpan.FromSeconds(2);
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapDeepForgeServer();
        await app.StartAsync();
        var server = new ServerHost(app, dataDirectory);
        // The user's client signs in as programs do: an admin's personal access token (a restarted server has the admin already).
        var people = app.Services.GetRequiredService<People>();
        if (await people.GetAsync("admin", default) == null) await people.AddAsync("admin", PersonRole.Admin, "worker-tests-password", default);
        var token = (await app.Services.GetRequiredService<AccessTokens>().CreateAsync("admin", null, "worker tests", default)).Token;
        server.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return server;
    }

    /// <summary>Saves a project of the worker test operations with this pipeline.</summary>
    public Task SaveProjectAsync(string name, PipelineDefinition pipeline) =>
        Engine.Projects.SaveAsync(new ProjectDefinition { Name = name, Pipelines = [pipeline], Sources = [.. WorkerTestOps.Sources] });

    /// <summary>Starts a run through the REST API, as a user would; it runs in the background on the server.</summary>
    public async Task<string> StartExecutionAsync(string project, string pipeline)
    {
        using var response = await Http.PostAsync($"/api/v1/projects/{project}/executions",
            new StringContent($$"""{"pipeline":"{{pipeline}}"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"starting {pipeline}: {(int)response.StatusCode} {body}");
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.GetProperty("execution").GetProperty("id").GetString()!;
    }

    /// <summary>Waits until the execution has ended and returns it.</summary>
    public async Task<ExecutionRecord> WaitForEndAsync(string executionId, int seconds = 60)
    {
        ExecutionRecord? execution = null;
        await Eventually.TrueAsync(() =>
        {
            execution = Engine.Executions.GetAsync(executionId).GetAwaiter().GetResult();
            return execution.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled;
        }, $"execution {executionId} to end", seconds);
        return execution!;
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
