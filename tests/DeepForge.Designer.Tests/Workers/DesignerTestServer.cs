using System.Net.Http.Headers;
using Bunit;
using DeepForge.Dispatch;
using DeepForge.Hosting;
using DeepForge.Torch.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radzen;

namespace DeepForge.Designer.Tests;

/// <summary>
/// A real DeepForge server with the designer on a loopback port (SQLite in a temp folder, the shipped seeds,
/// a worker token), for pages that need the server's parts (job queue, REST uploads) and for Playwright.
/// </summary>
internal sealed class DesignerTestServer : IAsyncDisposable
{
    public const string WorkerToken = "designer-tests-worker-token";

    private readonly bool _ownsDirectory;

    private DesignerTestServer(WebApplication app, string directory, bool ownsDirectory) =>
        (App, Directory, _ownsDirectory) = (app, directory, ownsDirectory);

    public WebApplication App { get; }

    public string Directory { get; }

    public string Url => App.Urls.Single();

    public IServiceProvider Services => App.Services;

    public DeepForgeEngine Engine => Services.GetRequiredService<DeepForgeEngine>();

    public JobQueue Queue => Services.GetRequiredService<JobQueue>();

    /// <summary>Starts a server on <paramref name="directory"/> (a new temp folder when null, removed on dispose).</summary>
    public static async Task<DesignerTestServer> StartAsync(string? directory = null, Action<DeepForgeBuilder>? engine = null, Action<IServiceCollection>? services = null)
    {
        var owns = directory == null;
        directory ??= NewDirectory();
        var seeds = CopySeeds(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddDeepForge(df =>
        {
            df.UseDataDirectory(directory).UseSqlite(Path.Combine(directory, "deepforge.db")).AddSeedDirectory(seeds)
              .AddTorch(); // the seeds' operations are written against TorchSharp, as deepforge start has it
            engine?.Invoke(df);
        });
        builder.Services.AddDeepForgeServer(o => { (o.Host, o.Port) = ("127.0.0.1", 0); o.WorkerTokens.Add(WorkerToken); o.ResumeExecutionsOnStart = false; })
            .AddDeepForgeDesigner();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDeepForgeServer();
        app.MapDeepForgeDesigner();
        await app.StartAsync();
        return new DesignerTestServer(app, directory, owns);
    }

    // A seed's C# sources are read from every folder below it except bin/ and obj/ ones, and the test output is
    // under bin/: the seeds are copied out of it, so projects made from them have their operations.
    private static string CopySeeds(string directory)
    {
        var from = Path.Combine(AppContext.BaseDirectory, "seeds");
        var to = Path.Combine(directory, "seeds");
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return to;
    }

    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A bunit context whose pages get the server's services (engine, store, queue), with Radzen's own.</summary>
    public BunitContext NewBunitContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddRadzenComponents();
        context.Services.AddFallbackServiceProvider(Services);
        return context;
    }

    /// <summary>An HTTP client for the server's REST API, with a worker's token and protocol version.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WorkerToken);
        client.DefaultRequestHeaders.Add(RunnerProtocol.VersionHeader, RunnerProtocol.Version.ToString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory) DeleteDirectory(Directory);
    }

    public static void DeleteDirectory(string path)
    {
        try { System.IO.Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
