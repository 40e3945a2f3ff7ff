using DeepForge.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Integration.Tests.Designer;

/// <summary>
/// The start of First Steps in Chromium against `deepforge start`, without the dataset: an editor signs in on the
/// sign-in page and makes a project from a seed; the one-time address start printed signs a second browser in as the admin.
/// </summary>
public sealed class SignInWalkTests
{
    [Fact]
    public async Task An_editor_signs_in_and_creates_a_project_and_the_printed_address_signs_in_the_admin()
    {
        using var server = await DesignerServer.StartAsync();
        await using var browser = await Browser.LaunchAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "sign-in-walk"));
        var page = await browser.NewPageAsync();
        var walk = new Walkthrough(page, browser, server.Url);

        await walk.SignInAsync(DesignerServer.EditorName, Cli.Password);
        await walk.CreateProjectAsync("hello_fashion", "fashion-mnist");
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync(server.SignInUrl);

        await Expect(page.Locator(".df-person-name")).ToHaveTextAsync(DesignerServer.EditorName);
        await Expect(admin).ToHaveURLAsync(server.Url + "/");
        await Expect(admin.Locator(".df-person-role")).ToHaveTextAsync("admin");
        Assert.True(browser.Errors.Count == 0, $"script errors in the page: {string.Join("\n", browser.Errors)}\n{server}");
    }
}
