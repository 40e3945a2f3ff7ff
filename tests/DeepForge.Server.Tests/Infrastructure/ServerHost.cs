using System.Net.Http.Headers;
using DeepForge.Hosting;
using DeepForge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>The real server on Kestrel, on a free loopback port, over a data folder; disposing stops it as a host stops.</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, Uri address, string workerToken)
    {
        (_app, Address, WorkerToken) = (app, address, workerToken);
        Api = new ApiClient(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) });
    }

    public Uri Address { get; }

    /// <summary>A worker token this server accepts.</summary>
    public string WorkerToken { get; }

    /// <summary>A user's client of the REST API, signed in as the admin <see cref="AdminName"/>.</summary>
    public ApiClient Api { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHost> StartAsync(string dataDirectory, Action<DeepForgeServerOptions>? configure = null, string? workerToken = null,
        Action<DeepForgeOptions>? engine = null)
    {
        var app = Build(dataDirectory, configure, engine);
        await app.StartAsync();
        var token = workerToken ?? await app.Services.GetRequiredService<WorkerTokens>().CreateAsync("tests");
        var server = new ServerHost(app, new Uri(app.Urls.Single()), token);
        // The user's client signs in as users' programs do: an admin's personal access token.
        server.Api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenForAsync(AdminName, PersonRole.Admin));
        return server;
    }

    /// <summary>The admin the kit makes on every server; <see cref="Api"/> acts as them.</summary>
    public const string AdminName = "admin";

    /// <summary>Every person the kit makes has this password.</summary>
    public const string Password = "correct horse battery";

    /// <summary>Makes a person (when there is none of that name) and a personal access token for them.</summary>
    public async Task<string> TokenForAsync(string name, PersonRole role, TimeSpan? lifetime = null)
    {
        var people = Services.GetRequiredService<People>();
        if (await people.GetAsync(name, default) == null) await people.AddAsync(name, role, Password, default);
        return (await Services.GetRequiredService<AccessTokens>().CreateAsync(name, lifetime, "tests", default)).Token;
    }

    /// <summary>A client of the REST API signed in as <paramref name="name"/> with <paramref name="role"/> (made when missing).</summary>
    public async Task<ApiClient> ApiAsAsync(string name, PersonRole role)
    {
        var http = Raw();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(name, role));
        return new ApiClient(http);
    }

    public static WebApplication Build(string dataDirectory, Action<DeepForgeServerOptions>? configure = null, Action<DeepForgeOptions>? engine = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = dataDirectory });
        builder.Logging.ClearProviders();
        // DEEPFORGE_TEST_LOGS=1 shows the server's log when a test needs looking into; =FOLDER writes it to files there.
        if (Environment.GetEnvironmentVariable("DEEPFORGE_TEST_LOGS") is { Length: > 0 } logs)
        {
            // A folder keeps each server's log in a file of its own (the console's does not reach the test runner).
            if (Directory.Exists(logs)) builder.Logging.AddProvider(new FileLoggerProvider(Path.Combine(logs, Path.GetFileName(dataDirectory) + ".log")));
            else builder.Logging.AddConsole();
            builder.Logging.AddFilter("DeepForge", LogLevel.Debug);
        }
        builder.Services.AddDeepForge(df => df.UseDataDirectory(dataDirectory).UseSqlite(Path.Combine(dataDirectory, "deepforge.db")));
        if (engine != null) builder.Services.Configure(engine);
        builder.Services.AddDeepForgeServer(o =>
        {
            o.Port = 0;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapDeepForgeServer();
        return app;
    }

    /// <summary>A worker's client: it sends the protocol version and this server's worker token.</summary>
    public WorkerClient Worker(string runnerId, params string[] labels) =>
        new(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) }, WorkerToken, runnerId, labels.Length == 0 ? ["cpu"] : labels);

    /// <summary>A client with no default headers and no credentials, to send requests a worker or a person should not.</summary>
    public HttpClient Raw() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
