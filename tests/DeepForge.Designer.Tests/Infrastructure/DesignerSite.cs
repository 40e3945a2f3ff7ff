using DeepForge.Hosting;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests;

/// <summary>
/// The designer served by a <see cref="DesignerTestServer"/> and Debian's <see cref="Chromium"/> to look at it, put
/// away in the one order that does not hang: the browser first, then the server, then its folder.
/// </summary>
internal sealed class DesignerSite : IAsyncDisposable
{
    private readonly DesignerTestServer _server;
    private readonly Chromium _browser;

    private DesignerSite(DesignerTestServer server, Chromium browser) => (_server, _browser) = (server, browser);

    public string Url => _server.Url;

    public string Directory => _server.Directory;

    public IServiceProvider Services => _server.Services;

    public DeepForgeEngine Engine => _server.Engine;

    /// <summary>Script errors any of the site's pages raised.</summary>
    public List<string> Errors => _browser.Errors;

    public static async Task<DesignerSite> StartAsync(SiteOptions? options = null)
    {
        var server = await DesignerTestServer.StartAsync(options);
        try
        {
            return new DesignerSite(server, await Chromium.LaunchAsync());
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc cref="Chromium.NewPageAsync"/>
    public Task<IPage> NewPageAsync(int width = 1400, int height = 900) => _browser.NewPageAsync(width, height);

    /// <summary>A page in a context of its own (another person), at <paramref name="path"/>, once the circuit is up.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser.NewPageAsync(ownContext: true);
        await page.GotoAsync(Url + path);
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
        return page;
    }

    public Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot(name + ".png") });

    public async ValueTask DisposeAsync()
    {
        // The browser goes first: the server's shutdown would otherwise wait for its open circuits.
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }
}
