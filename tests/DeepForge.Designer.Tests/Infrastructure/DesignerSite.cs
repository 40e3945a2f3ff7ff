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

    /// <summary>A page (in a context of its own) signed in as <paramref name="person"/>, the kit's admin unless said otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900, string person = DesignerTestServer.AdminName)
    {
        var page = await _browser.NewPageAsync(width, height, ownContext: true);
        await _server.SignInAsync(page.Context, person);
        return page;
    }

    /// <summary>Makes a person with <paramref name="role"/> when there is none of that name.</summary>
    public Task AddPersonAsync(string name, DeepForge.Identity.PersonRole role) => _server.AddPersonAsync(name, role);

    /// <summary>A page in a context of its own (another person, signed in as <paramref name="person"/>), at <paramref name="path"/>, once the circuit is up.</summary>
    public async Task<IPage> OpenAsync(string path, string person = DesignerTestServer.AdminName)
    {
        var page = await NewPageAsync(person: person);
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
