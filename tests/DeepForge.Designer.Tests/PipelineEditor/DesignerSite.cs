using DeepForge.Hosting;
using DeepForge.Torch.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>
/// The designer served by a real server on a loopback port, with a real engine (SQLite, Torch, the shipped seeds)
/// in a temp folder, and Debian's Chromium to look at it. Everything is removed on dispose.
/// </summary>
internal sealed class DesignerSite : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string Url { get; private set; } = "";

    public DeepForgeEngine Engine => _app!.Services.GetRequiredService<DeepForgeEngine>();

    public List<string> Errors { get; } = [];

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<DesignerSite> StartAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs Debian's chromium package");
        Directory.CreateDirectory(Screenshots);
        var site = new DesignerSite();
        Directory.CreateDirectory(site._data);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddDeepForge(df => df.UseDataDirectory(site._data).UseSqlite(Path.Combine(site._data, "deepforge.db"))
            .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds")).AddTorch());
        builder.Services.AddDeepForgeServer(o => (o.Host, o.Port) = ("127.0.0.1", 0)).AddDeepForgeDesigner();
        site._app = builder.Build();
        site._app.MapDeepForgeServer();
        site._app.MapDeepForgeDesigner();
        await site._app.StartAsync();
        site.Url = site._app.Urls.Single();
        site._playwright = await Playwright.CreateAsync();
        site.Browser = await site._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        return site;
    }

    /// <summary>A page in a context of its own (another person), at <paramref name="path"/>, once the circuit is up.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        page.PageError += (_, e) => Errors.Add(e);
        await page.GotoAsync(Url + path);
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
        return page;
    }

    public Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png") });

    public async ValueTask DisposeAsync()
    {
        // The browser goes first: the server's shutdown would otherwise wait for its open circuits.
        if (Browser != null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app != null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
