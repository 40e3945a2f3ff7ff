using System.Net.Http.Headers;
using Bunit;
using DeepForge.Dispatch;
using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radzen;

namespace DeepForge.Designer.Tests;

/// <summary>
/// A real DeepForge server with the designer on a loopback port (SQLite in a temp folder, a worker token), for pages
/// that need the server's parts (job queue, REST uploads) and for Playwright. <see cref="SiteOptions"/> says what differs.
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

    public static async Task<DesignerTestServer> StartAsync(SiteOptions? options = null)
    {
        options ??= new SiteOptions();
        var directory = options.Directory ?? TestFolders.NewDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddDeepForge(df =>
        {
            df.UseFolder(directory, options.Seeds, options.Torch);
            options.Engine?.Invoke(df);
        });
        // Nothing is resumed: a restarted test server shows the executions as the test left them.
        void AddServer(IServiceCollection services) =>
            services.AddDeepForgeServer(o => { (o.Host, o.Port) = ("127.0.0.1", 0); o.WorkerTokens.Add(WorkerToken); o.ResumeExecutionsOnStart = false; });
        if (options.InProcessJobs) InProcessJobs.Use(builder.Services, AddServer);
        else AddServer(builder.Services);
        builder.Services.AddDeepForgeDesigner();
        options.Services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDeepForgeServer();
        app.MapDeepForgeDesigner();
        options.Map?.Invoke(app);
        await app.StartAsync();
        return new DesignerTestServer(app, directory, ownsDirectory: options.Directory == null);
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
        if (_ownsDirectory) TestFolders.Delete(Directory);
    }
}
