using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>The operation editor in Debian's Chromium, on a real server: Monaco and the interface diagram in step.</summary>
public sealed class OperationEditorBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task TypingAnExecuteParameterInMonaco_AddsTheInputToTheInterface_AndSaveStoresIt()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs Debian's chromium package");
        var data = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(data);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        try
        {
            var seeds = EditorTestEngine.CopySeeds(Path.Combine(data, "seeds"));
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Services.AddDeepForge(df => df.UseDataDirectory(data).UseSqlite(Path.Combine(data, "deepforge.db")).AddSeedDirectory(seeds));
            builder.Services.AddDeepForgeServer(o => (o.Host, o.Port) = ("127.0.0.1", 0)).AddDeepForgeDesigner();
            await using var app = builder.Build();
            app.MapDeepForgeServer();
            app.MapDeepForgeDesigner();
            await app.StartAsync();
            var url = app.Urls.Single();
            var engine = app.Services.GetRequiredService<DeepForgeEngine>();
            await engine.Projects.CreateAsync("fm", "fashion-mnist");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium, Headless = true,
                Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 900 } });
            page.SetDefaultTimeout(20_000);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);

            // The designer has no favicon (not this editor's business); any other failure in the console counts.
            page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("favicon.ico")) errors.Add($"{m.Text} ({m.Location})"); };
            await page.GotoAsync(url + "/projects/fm/operations/Train");
            await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".df-op-interface")).ToBeVisibleAsync();
            var execute = page.Locator(".monaco-editor .view-line", new PageLocatorOptions { HasText = "public Model Execute(" });
            await Assertions.Expect(execute).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".df-op-input[data-name=trainingData]")).ToContainTextAsync("ImageDataset");
            await Assertions.Expect(page.Locator(".df-op-output[data-name=net]")).ToContainTextAsync("Model");
            await Assertions.Expect(page.Locator(".df-op-reference[data-name=net]")).ToContainTextAsync("Architecture");
            await Assertions.Expect(page.Locator(".df-op-attribute")).ToHaveCountAsync(5);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "op-editor-1-open.png") });

            // Into Monaco by the keyboard: to the start of the Execute line, past "public Model Execute(", then type.
            await execute.ClickAsync();
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.PressAsync("Home");
            for (var i = 0; i < "public Model Execute(".Length; i++) await page.Keyboard.PressAsync("ArrowRight");
            await page.Keyboard.TypeAsync("int extra, ", new KeyboardTypeOptions { Delay = 30 });
            await page.Keyboard.PressAsync("Escape");

            var extra = page.Locator(".df-op-input[data-name=extra]");
            await Assertions.Expect(extra).ToContainTextAsync("int");
            // Execute never reads it: amber in the diagram, a warning squiggle in Monaco.
            await Assertions.Expect(extra).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-op-warning"));
            await Assertions.Expect(page.Locator(".monaco-editor .squiggly-warning").First).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator(".df-op-unsaved")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "op-editor-2-typed.png") });

            // And the other way: an attribute added in the diagram appears in the code.
            await page.Locator(".df-op-add-attribute").ClickAsync();
            await page.Locator(".df-op-form-name").FillAsync("patience");
            await page.Locator(".df-op-form-type").FillAsync("int");
            await page.Locator(".df-op-form-default").FillAsync("3");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "op-editor-3-add-attribute.png") });
            await page.Locator(".df-op-form-submit").ClickAsync();
            await Assertions.Expect(page.Locator(".df-op-attribute[data-name=patience]")).ToContainTextAsync("int = 3");
            var code = await page.EvaluateAsync<string>("() => window.blazorMonaco.editors.find(e => e.id === 'df-op-code').editor.getValue()");
            Assert.Contains("int seed = 1, int patience = 3)", code);
            Assert.Contains("Execute(int extra, ImageDataset trainingData, OperationContext context)", code);

            await page.Locator(".monaco-editor .view-lines").ClickAsync();
            await page.Keyboard.PressAsync("Control+s");
            await Assertions.Expect(page.Locator(".df-op-saved")).ToBeVisibleAsync();
            var stored = (await engine.Projects.GetAsync("fm")).Sources.Single(s => s.Path == "operations/Train.cs").Text;
            Assert.Equal(code, stored);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "op-editor-4-saved.png") });

            Assert.True(errors.Count == 0, string.Join("\n", errors));
            // The browser goes first: the server's shutdown would otherwise wait for its open circuit.
            await browser.CloseAsync();
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
