using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests;

/// <summary>
/// The designer in Debian's Chromium (no browser download): a real server on a loopback port with a real engine.
/// Screenshots go to the test output folder, under screenshots/.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Creates_a_project_from_the_fashion_mnist_seed_and_shows_its_pipeline_graph()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./test.sh installs Debian's chromium package");
        var data = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(data);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Services.AddDeepForge(df => df.UseDataDirectory(data).UseSqlite(Path.Combine(data, "deepforge.db"))
                .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds")));
            builder.Services.AddDeepForgeServer(o => (o.Host, o.Port) = ("127.0.0.1", 0)).AddDeepForgeDesigner().AddDeepForgeDesigner();
            await using var app = builder.Build();
            app.MapDeepForgeServer();
            app.MapDeepForgeDesigner().MapDeepForgeDesigner();
            await app.StartAsync();
            var url = app.Urls.Single();

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium, Headless = true,
                Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            page.SetDefaultTimeout(20_000);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);

            await page.GotoAsync(url + "/");
            await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".df-no-projects")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".rz-header")).ToContainTextAsync("DeepForge");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "01-projects.png") });

            await page.Locator(".df-create-project").ClickAsync();
            await page.Locator(".df-create-dialog input").FillAsync("fashion");
            await page.Locator(".df-next").ClickAsync();
            await Assertions.Expect(page.Locator(".df-project-seed")).ToContainTextAsync("fashion-mnist");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "02-create-seed.png") });
            await page.Locator(".df-create").ClickAsync();

            await page.WaitForURLAsync(url + "/projects/fashion");
            await Assertions.Expect(page.Locator(".df-pipeline-card")).ToHaveCountAsync(3);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "03-project.png") });

            await page.Locator(".df-pipeline-card a", new PageLocatorOptions { HasText = "train" }).ClickAsync();
            await page.WaitForURLAsync(url + "/projects/fashion/pipelines/train");
            var nodes = page.Locator(".df-node");
            await Assertions.Expect(nodes.First).ToBeVisibleAsync();
            var pipeline = (await app.Services.GetRequiredService<DeepForgeEngine>().Projects.GetAsync("fashion")).FindPipeline("train")!;
            await Assertions.Expect(nodes).ToHaveCountAsync(pipeline.Nodes.Count);
            await Assertions.Expect(page.Locator(".df-node-input").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".df-no-executions")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".df-no-executions")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "04-pipeline.png") });
            // Links are drawn once the browser has measured the ports: every connection of the pipeline.
            await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(pipeline.Connections.Count);

            // Loaded directly, the diagram page is not prerendered and draws the same graph.
            await page.GotoAsync(url + "/projects/fashion/pipelines/train");
            await Assertions.Expect(nodes).ToHaveCountAsync(pipeline.Nodes.Count);

            Assert.Empty(errors);
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
