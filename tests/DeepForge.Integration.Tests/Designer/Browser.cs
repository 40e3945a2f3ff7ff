using Microsoft.Playwright;

namespace DeepForge.Integration.Tests.Designer;

/// <summary>Debian's Chromium through Playwright (no browser download is possible here), with a page that records script errors and saves numbered screenshots.</summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshots;
    private int _shot;

    private Browser(IPlaywright playwright, IBrowser browser, string screenshots) => (_playwright, _browser, _screenshots) = (playwright, browser, screenshots);

    public List<string> Errors { get; } = [];

    public static async Task<Browser> LaunchAsync(string screenshotFolder)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs Debian's chromium package");
        Directory.CreateDirectory(screenshotFolder);
        // Expectations wait up to 30 s (not Playwright's 5): these machines are shared and often loaded.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        return new Browser(playwright, browser, screenshotFolder);
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 950 } });
        page.SetDefaultTimeout(30_000);
        page.PageError += (_, e) => Errors.Add(e);
        return page;
    }

    /// <summary>Saves "NN-name.png" in the screenshot folder.</summary>
    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"{++_shot:00}-{name}.png") });

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
