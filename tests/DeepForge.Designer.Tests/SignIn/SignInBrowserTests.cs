using System.Net;
using System.Net.WebSockets;
using DeepForge.Designer.Runs;
using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.SignIn;

/// <summary>Signing in and out of the designer in Chromium, and what a viewer and a non-admin see.</summary>
public sealed class SignInBrowserTests
{
    [Fact]
    public async Task A_signed_out_browser_lands_on_the_sign_in_page_a_wrong_password_is_said_and_the_right_one_signs_in()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.AddPersonAsync("erin", PersonRole.Editor);
        await using var browser = await DesignerBrowser.LaunchAsync();
        var page = browser.Page;

        await page.GotoAsync(site.Url + "/workers");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?returnUrl=%2Fworkers"));
        await page.Locator("#name").FillAsync("erin");
        await page.Locator("#password").FillAsync("not her password");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".df-signin-error")).ToHaveTextAsync("the name or the password is wrong");
        await page.Locator("#name").FillAsync("erin");
        await page.Locator("#password").FillAsync(DesignerTestServer.Password);
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(site.Url + "/workers");
        await Expect(page.Locator(".df-person-name")).ToHaveTextAsync("erin");
        await Expect(page.Locator(".df-person-role")).ToHaveTextAsync("editor");
        await Expect(page.Locator(".rz-navigation-item", new() { HasText = "Extensions" })).ToHaveCountAsync(0);
        await page.Locator(".df-sign-out").ClickAsync();
        await page.Locator(".df-signout button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url + "/signin");
        await page.GotoAsync(site.Url + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_viewer_sees_a_run_live_but_has_no_execute_cancel_or_resume()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await site.AddPersonAsync("vic", PersonRole.Viewer);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("fm", "vic", PersonRole.Viewer, default);
        var execution = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync("fm", "download-normalize");

        var run = await site.OpenAsync($"/executions/{execution.Id}", person: "vic");
        await Expect(run.Locator(".df-execution-status")).ToBeVisibleAsync();
        await Expect(run.Locator(".df-read-only-note")).ToBeVisibleAsync();
        await Expect(run.Locator(".df-cancel")).ToHaveCountAsync(0);
        await Expect(run.Locator(".df-rerun")).ToHaveCountAsync(0);
        await site.ShotAsync(run, "viewer-execution");
        var editor = await site.OpenAsync("/projects/fm/pipelines/train", person: "vic");
        await Expect(editor.Locator(".df-node").First).ToBeVisibleAsync();

        await Expect(editor.Locator(".df-read-only-note")).ToBeVisibleAsync();
        await Expect(editor.Locator(".df-execute")).ToHaveCountAsync(0);
        await Expect(editor.Locator(".df-person-role")).ToHaveTextAsync("viewer");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task The_projects_page_lists_only_the_persons_own_and_shared_projects()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("theirs", "blank");
        await site.Engine.Projects.CreateAsync("shared", "blank");
        await site.AddPersonAsync("sue", PersonRole.Editor);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("shared", "sue", PersonRole.Viewer, default);

        var page = await site.OpenAsync("/", person: "sue");

        await Expect(page.Locator(".df-projects")).ToContainTextAsync("shared");
        await Expect(page.Locator(".df-projects")).Not.ToContainTextAsync("theirs");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task The_extensions_page_is_for_admins_only()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.AddPersonAsync("ed", PersonRole.Editor);
        var page = await site.NewPageAsync(person: "ed");

        var response = await page.GotoAsync(site.Url + "/extensions");

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Expect(page.Locator(".df-extension-install")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_designers_connection_from_another_origin_is_refused()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://attacker.example");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(site.Url.Replace("http://", "ws://") + "/_blazor"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }
}
