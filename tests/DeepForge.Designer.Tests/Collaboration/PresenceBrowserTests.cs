using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Collaboration;

/// <summary>Who else has the project open, in the top bar, in Chromium: two people in two browser contexts.</summary>
public sealed class PresenceBrowserTests
{
    [Fact]
    public async Task TwoPeopleOnOneProject_EachSeesTheOther_AndClosingOneTakesItsNameAway()
    {
        await using var site = await StartAsync();
        var olive = await site.OpenAsync("/projects/fm", person: "olive");
        var erin = await site.OpenAsync("/projects/fm/pipelines/train", person: "erin");

        await Expect(olive.Locator(".df-people .df-present[data-person=erin]")).ToBeVisibleAsync();
        await Expect(erin.Locator(".df-people .df-present[data-person=olive]")).ToBeVisibleAsync();
        await Expect(olive.Locator(".df-people .df-present[data-person=olive]")).ToHaveCountAsync(0); // not oneself
        await Expect(olive.Locator(".df-present[data-person=erin] .df-avatar")).ToHaveTextAsync("E");
        await site.ShotAsync(olive, "presence-two-people");

        await erin.Context.CloseAsync();

        await Expect(olive.Locator(".df-present[data-person=erin]")).ToHaveCountAsync(0);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task LeavingTheProject_ForAnotherPage_TakesTheNameAway()
    {
        await using var site = await StartAsync();
        var olive = await site.OpenAsync("/projects/fm", person: "olive");
        var erin = await site.OpenAsync("/projects/fm", person: "erin");
        await Expect(olive.Locator(".df-present[data-person=erin]")).ToBeVisibleAsync();

        await erin.Locator(".df-menu a", new() { HasText = "Workers" }).First.ClickAsync();
        await Expect(erin).ToHaveURLAsync(site.Url + "/workers");

        await Expect(olive.Locator(".df-present[data-person=erin]")).ToHaveCountAsync(0);
        await Expect(erin.Locator(".df-people")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SomeoneWhoCannotSeeTheProject_NeitherShowsInItNorSeesWhoIsIn()
    {
        await using var site = await StartAsync();
        await site.AddPersonAsync("mallory", PersonRole.Editor); // not a member of fm
        var presence = site.Services.GetRequiredService<DeepForge.Designer.Collaboration.ProjectPresence>();
        var olive = await site.OpenAsync("/projects/fm", person: "olive");
        var mallory = await site.OpenAsync("/projects/fm", person: "mallory");
        var erin = await site.OpenAsync("/projects/fm", person: "erin");
        await Expect(olive.Locator(".df-present[data-person=erin]")).ToBeVisibleAsync();

        await PipelineEditor.Eventually.TrueAsync(() => Task.FromResult(presence.PeopleIn("fm").SequenceEqual(["erin", "olive"])));
        await Expect(mallory.Locator(".df-people")).ToHaveCountAsync(0);
        await Expect(olive.Locator(".df-present[data-person=mallory]")).ToHaveCountAsync(0);
        await Expect(erin.Locator(".df-present[data-person=mallory]")).ToHaveCountAsync(0);
    }

    private static async Task<DesignerSite> StartAsync()
    {
        var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist", "olive");
        await site.AddPersonAsync("olive", PersonRole.Editor);
        await site.AddPersonAsync("erin", PersonRole.Editor);
        var access = site.Services.GetRequiredService<ProjectAccess>();
        await access.SetOwnerAsync("fm", "olive", default);
        await access.ShareAsync("fm", "erin", PersonRole.Viewer, default);
        return site;
    }
}
