using Microsoft.Playwright;

namespace DeepForge.Designer.Tests;

/// <summary>One page of Debian's <see cref="Chromium"/>, for tests that start and stop their server themselves.</summary>
internal sealed class DesignerBrowser : IAsyncDisposable
{
    private readonly Chromium _chromium;

    private DesignerBrowser(Chromium chromium, IPage page) => (_chromium, Page) = (chromium, page);

    public IPage Page { get; }

    /// <summary>Script errors the page raised; a test ends by asserting there were none.</summary>
    public List<string> Errors => _chromium.Errors;

    public static async Task<DesignerBrowser> LaunchAsync()
    {
        var chromium = await Chromium.LaunchAsync();
        return new DesignerBrowser(chromium, await chromium.NewPageAsync());
    }

    /// <summary>
    /// Opens a designer address and waits until its circuit is up (before that, clicks go nowhere). Signed out, the
    /// designer shows its sign-in page first: the kit's admin signs in there, as a person would, and lands on the address.
    /// </summary>
    public async Task OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        if (new Uri(Page.Url).AbsolutePath == "/signin")
        {
            await Page.Locator("#name").FillAsync(DesignerTestServer.AdminName);
            await Page.Locator("#password").FillAsync(DesignerTestServer.Password);
            await Page.Locator("button[type=submit]").ClickAsync();
        }
        await Assertions.Expect(Page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
    }

    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot(name), FullPage = true });

    // The browser goes first: the server's shutdown would otherwise wait for its open circuit.
    public ValueTask DisposeAsync() => _chromium.DisposeAsync();
}
