using DeepForge.Extensions;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Extensions;

/// <summary>
/// The extensions page in Chromium, on a server set up as <c>deepforge start</c> sets it up: install the template
/// extension's package, restart, make a project from its seed, and see removal refused while the project uses it.
/// </summary>
public sealed class ExtensionsBrowserTests(AcmeExtension acme) : IClassFixture<AcmeExtension>
{
    [Fact]
    public async Task Installs_a_package_loads_it_at_the_next_start_and_refuses_removal_while_a_project_uses_it()
    {
        var data = TestFolders.NewDirectory();
        try
        {
            await using (var first = await StartAsync(data, acme))
            {
                await using var browser = await DesignerBrowser.LaunchAsync();
                var page = browser.Page;
                await browser.OpenAsync(first.Url + "/extensions");
                await Assertions.Expect(page.Locator(".df-no-extensions")).ToBeVisibleAsync();

                var missing = "Acme.NoSuchExtension";
                await page.Locator(".df-extension-package").FillAsync(missing);
                await page.Locator(".df-extension-add").ClickAsync();
                await Assertions.Expect(page.Locator(".df-extension-problem")).ToContainTextAsync($"there is no package {missing} in the package sources searched");
                await browser.ScreenshotAsync("extensions-missing-package.png");

                await page.Locator(".df-extension-package").FillAsync(AcmeExtension.Id);
                await page.Locator(".df-extension-add").ClickAsync();
                await Assertions.Expect(page.Locator(".df-extension-done")).ToContainTextAsync("Installed AcmeExt 1.0.0. Restart the server to load it.");
                var row = page.Locator(".df-extensions tbody tr");
                await Assertions.Expect(row.Locator(".df-extension-pending")).ToBeVisibleAsync();
                await Assertions.Expect(row.Locator(".df-extension-operations")).ToContainTextAsync(AcmeExtension.Operation);
                await browser.ScreenshotAsync("extensions-installed.png");
                Assert.DoesNotContain(first.Engine.Projects.Seeds, s => s.Name == AcmeExtension.Seed); // not loaded yet
                Assert.Empty(browser.Errors);
            }

            // The next start loads it: its seed makes a project that uses its operation.
            await using var second = await StartAsync(data, acme);
            await second.Engine.Projects.CreateAsync("acme-project", AcmeExtension.Seed);
            await using (var browser = await DesignerBrowser.LaunchAsync())
            {
                var page = browser.Page;
                await browser.OpenAsync(second.Url + "/extensions");
                var row = page.Locator(".df-extensions tbody tr");
                await Assertions.Expect(row.Locator(".df-extension-seeds")).ToContainTextAsync(AcmeExtension.Seed);
                await Assertions.Expect(row.Locator(".df-extension-pending")).ToHaveCountAsync(0);

                await row.Locator(".df-extension-remove").ClickAsync();
                await page.Locator(".rz-dialog button", new PageLocatorOptions { HasText = "Remove" }).ClickAsync();
                await Assertions.Expect(page.Locator(".df-extension-problem")).ToContainTextAsync("project acme-project uses its operations AcmeExtOperation (pipelines demo)");
                await browser.ScreenshotAsync("extensions-remove-refused.png");
                Assert.Contains(ExtensionManifest.Read(data), e => e.Id == AcmeExtension.Id);
                Assert.Empty(browser.Errors);
            }
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static Task<DesignerTestServer> StartAsync(string data, AcmeExtension acme) =>
        DesignerTestServer.StartAsync(new() { Directory = data, Engine = df => df.AddInstalledExtensions(data), Services = s => s.AddDeepForgeExtensions(o => (o.DataDirectory, o.PackageSettingsDirectory) = (data, acme.ServerFolder)) });
}
