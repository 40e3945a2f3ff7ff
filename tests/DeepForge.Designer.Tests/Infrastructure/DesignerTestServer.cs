using System.Net.Http.Headers;
using Bunit;
using DeepForge.Dispatch;
using DeepForge.Hosting;
using DeepForge.Runner.Protocol;
using DeepForge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
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
        // The kit's admin, as the first 'deepforge start' makes one; browsers sign in as them (a restarted server has them already).
        var people = app.Services.GetRequiredService<People>();
        if (await people.GetAsync(AdminName, default) == null) await people.AddAsync(AdminName, PersonRole.Admin, Password, default);
        return new DesignerTestServer(app, directory, ownsDirectory: options.Directory == null);
    }

    /// <summary>The admin every test server has; browsers sign in as them unless a test says otherwise.</summary>
    public const string AdminName = "admin";

    /// <summary>The password of everyone the kit makes.</summary>
    public const string Password = "designer-tests-password";

    /// <summary>Makes a person with <paramref name="role"/> when there is none of that name.</summary>
    public async Task AddPersonAsync(string name, PersonRole role)
    {
        var people = Services.GetRequiredService<People>();
        if (await people.GetAsync(name, default) == null) await people.AddAsync(name, role, Password, default);
    }

    /// <summary>
    /// Signs a browser context in as <paramref name="person"/> the way <c>deepforge start</c>'s address does: a one-time
    /// sign-in token opened once (here by HTTP), whose cookie the context then carries.
    /// </summary>
    public async Task SignInAsync(IBrowserContext context, string person = AdminName)
    {
        var token = await Services.GetRequiredService<SignInTokens>().CreateAsync(person, null, default);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Url) };
        using var response = await http.GetAsync($"/?token={token}");
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("deepforge=", StringComparison.Ordinal));
        await context.AddCookiesAsync([new Cookie { Name = "deepforge", Value = cookie["deepforge=".Length..], Url = Url }]);
    }

    /// <summary>A bunit context whose pages get the server's services (engine, store, queue), with Radzen's own.</summary>
    public BunitContext NewBunitContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddRadzenComponents();
        context.Services.AddFallbackServiceProvider(Services);
        // bunit's stand-in for the circuit's sign-in: the kit's admin.
        var signedIn = context.AddAuthorization();
        signedIn.SetAuthorized(AdminName);
        signedIn.SetRoles("admin");
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
