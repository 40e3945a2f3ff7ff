using Microsoft.Playwright;

namespace DeepForge.Benchmarks;

/// <summary>
/// Debian's Chromium through Playwright, with a script in every page that notes, for each count of points the
/// feedback chart shows, the moment (Unix milliseconds, the machine's clock as the operation's) it first showed it.
/// </summary>
internal sealed class FeedbackBrowser : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";

    // data-points of the chart is the count drawn; the observer sees every change of it as the circuit renders.
    private const string Observer = """
        window.__dfDrawn = {};
        new MutationObserver(() => {
          for (const chart of document.querySelectorAll('.df-chart[data-title="feedback"]')) {
            const count = Number(chart.getAttribute('data-points'));
            for (let i = 1; i <= count; i++) if (!(i in window.__dfDrawn)) window.__dfDrawn[i] = Date.now();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private FeedbackBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<FeedbackBrowser> LaunchAsync()
    {
        if (!File.Exists(Executable)) throw new DeepForgeException("bench feedback", $"{Executable} is missing: install Debian's chromium package");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Executable, Headless = true, Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
            });
            return new FeedbackBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page signed in with <paramref name="cookie"/> (the value of the designer's sign-in cookie), watching charts.</summary>
    public async Task<IPage> OpenAsync(string url, string cookie)
    {
        var context = await _browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = "deepforge", Value = cookie, Url = new Uri(url).GetLeftPart(UriPartial.Authority) }]);
        await context.AddInitScriptAsync(Observer);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        try { await page.Locator(".df-body[data-interactive=yes]").WaitForAsync(new() { Timeout = 120_000 }); }
        catch (TimeoutException)
        {
            var text = await page.InnerTextAsync("body");
            throw new DeepForgeException("bench feedback", $"the page {page.Url} never became interactive; it shows: {text[..Math.Min(300, text.Length)].ReplaceLineEndings(" ")}");
        }

        return page;
    }

    /// <summary>When the page first drew each point count, by count.</summary>
    public static async Task<IReadOnlyDictionary<int, long>> DrawnAsync(IPage page) =>
        (await page.EvaluateAsync<Dictionary<string, long>>("() => window.__dfDrawn")).ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
