using Microsoft.Playwright;

namespace DeepForge.Designer.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download), one page, screenshots under the test output's screenshots/.</summary>
internal sealed class DesignerBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DesignerBrowser(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    /// <summary>Script errors the page raised; a test ends by asserting there were none.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<DesignerBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs Debian's chromium package");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        var launched = new DesignerBrowser(playwright, browser, page);
        page.PageError += (_, e) => launched.Errors.Add(e);
        return launched;
    }

    /// <summary>Opens a designer address and waits until its circuit is up (before that, clicks go nowhere).</summary>
    public async Task OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await Assertions.Expect(Page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    // The browser goes first: the server's shutdown would otherwise wait for its open circuit.
    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
