using Microsoft.Playwright;

namespace DeepForge.Designer.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download), and the pages the tests open in it: each with the
/// same waits and its script errors collected, which a test ends by asserting there were none.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    /// <summary>Script errors any of the pages raised.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The test output's screenshots/ folder, made on first use.</summary>
    public static string Screenshots { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: ./test.sh installs Debian's chromium package");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable, Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A new page; in a browser context of its own when <paramref name="ownContext"/> (another person, with its own
    /// circuit). Its actions wait as long as the expectations do (<see cref="TestDefaults"/>): a Roslyn compile or a
    /// first render takes seconds when other work shares the cores.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900, bool ownContext = false)
    {
        var viewport = new ViewportSize { Width = width, Height = height };
        var page = ownContext
            ? await (await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport })).NewPageAsync()
            : await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
        page.SetDefaultTimeout(30_000);
        page.PageError += (_, e) => Errors.Add(e);
        return page;
    }

    /// <summary>The path of a screenshot named <paramref name="name"/> (with its extension) in <see cref="Screenshots"/>.</summary>
    public static string Screenshot(string name) => Path.Combine(Screenshots, name);

    // Closed before the server stops: the server's shutdown would otherwise wait for the browser's open circuits.
    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
