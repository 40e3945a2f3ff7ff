using System.Security.Cryptography;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>The artifacts page in Chromium on a real server: a real upload through the REST API with its progress bar.</summary>
public sealed class ArtifactsBrowserTests
{
    [Fact]
    public async Task Uploads_a_file_with_a_progress_bar_then_lists_downloads_and_deletes_it()
    {
        await using var server = await DesignerTestServer.StartAsync();
        await server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await server.Engine.Artifacts.SaveAsync("fm", "traindata", new[] { 1.0, 2.0 });
        var file = Path.Combine(server.Directory, "images.bin");
        var bytes = new byte[24 * 1024 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(file, bytes);
        await using var browser = await DesignerBrowser.LaunchAsync();
        var page = browser.Page;

        // From the project page, as a person gets there.
        await browser.OpenAsync(server.Url + "/projects/fm");
        await page.Locator(".df-artifacts-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url + "/projects/fm/artifacts");
        await Assertions.Expect(page.Locator(".df-artifacts tbody tr")).ToHaveCountAsync(1);

        await page.Locator(".df-artifact-file input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator(".df-artifact-name")).ToHaveValueAsync("images.bin");
        await page.Locator(".df-artifact-name").FillAsync("fashion-images");
        await page.Locator(".df-artifact-upload-button").ClickAsync();

        await Assertions.Expect(page.Locator(".df-upload-status")).ToContainTextAsync("Uploaded fashion-images (24.0 MB)");
        await Assertions.Expect(page.Locator(".df-upload-progress")).ToContainTextAsync("100");
        var row = page.Locator(".df-artifacts tbody tr.df-artifact-new");
        await Assertions.Expect(row).ToContainTextAsync("fashion-images");
        await Assertions.Expect(row).ToContainTextAsync("24.0 MB");
        await browser.ScreenshotAsync("artifacts-uploaded.png");

        var stored = (await server.Engine.Artifacts.FindAsync("fm", "fashion-images"))!;
        Assert.Equal(bytes.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Hash);
        // Downloaded as the browser downloads it: with the browser's sign-in.
        var href = await row.Locator("a.df-artifact-download").GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(server.Url + "/" + href);
        Assert.True(download.Ok, $"the download answered {download.Status}");
        Assert.Equal(bytes, await download.BodyAsync());

        // The train pipeline's Input node reads "traindata": refused, with the reason.
        await page.Locator(".df-artifacts tbody tr", new PageLocatorOptions { HasText = "traindata" }).Locator(".df-artifact-delete").ClickAsync();
        await Assertions.Expect(page.Locator(".df-artifact-problem")).ToContainTextAsync("Input node 'trainingdata' of pipeline 'train'");
        await browser.ScreenshotAsync("artifacts-delete-refused.png");

        await row.Locator(".df-artifact-delete").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-dialog")).ToContainTextAsync("Delete artifact 'fashion-images'");
        // The dialog fades in; the screenshot waits until it is drawn in full.
        await page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.rz-dialog')).opacity === '1'");
        await browser.ScreenshotAsync("artifacts-delete-confirm.png");
        await page.Locator(".rz-dialog button", new PageLocatorOptions { HasText = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator(".df-artifact-notice")).ToContainTextAsync("Deleted fashion-images");
        await Assertions.Expect(page.Locator(".df-artifacts tbody tr")).ToHaveCountAsync(1);
        Assert.Null(await server.Engine.Artifacts.FindAsync("fm", "fashion-images"));

        Assert.Empty(browser.Errors);
    }
}
