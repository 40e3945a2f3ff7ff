using DeepForge.Designer.Tests.PipelineEditor;
using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Sharing;

/// <summary>An edit in the designer is recorded as the signed-in person's, and the editor and the project page say so.</summary>
public sealed class EditRecordBrowserTests
{
    [Fact]
    public async Task An_edit_in_the_pipeline_editor_shows_its_author_in_the_editor_on_the_project_page_and_in_its_history()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist", "olive");
        await site.AddPersonAsync("erin", PersonRole.Editor);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("fm", "erin", PersonRole.Editor, default);
        var page = await site.OpenAsync("/projects/fm", person: "erin");
        await Expect(Card(page, ".df-pipeline-card", "train").Locator(".df-last-edit-by")).ToHaveTextAsync("olive");

        await page.Locator(".df-pipeline-card").GetByRole(AriaRole.Link, new() { Name = "train", Exact = true }).ClickAsync();
        await Expect(page.Locator(".df-node[data-node=train]")).ToBeVisibleAsync();
        await page.Locator(".df-add-input").ClickAsync();
        await Expect(page.Locator(".df-node-input")).ToHaveCountAsync(2);
        await Eventually.TrueAsync(async () => (await site.Engine.Projects.GetAsync("fm")).FindPipeline("train")!.Nodes.Count == 4);

        await Expect(page.Locator(".df-editor-toolbar .df-last-edit-by")).ToHaveTextAsync("erin");
        await page.GetByRole(AriaRole.Link, new() { Name = "fm", Exact = true }).ClickAsync();
        await Expect(Card(page, ".df-pipeline-card", "train").Locator(".df-last-edit-by")).ToHaveTextAsync("erin");
        await Expect(Card(page, ".df-pipeline-card", "download-normalize").Locator(".df-last-edit-by")).ToHaveTextAsync("olive");
        await Expect(page.Locator(".df-project-last-edit .df-last-edit-by")).ToHaveTextAsync("erin");
        await page.Locator(".df-history summary").ClickAsync();
        var newest = page.Locator(".df-history-entry").First;
        await Expect(newest.Locator(".df-history-by")).ToHaveTextAsync("erin");
        await Expect(newest.Locator(".df-history-summary")).ToHaveTextAsync("changed pipeline train");
        await site.ShotAsync(page, "edit-records-project-page");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task Saving_a_data_type_shows_its_author_in_the_editor_and_on_the_project_page()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist", "olive");
        await site.AddPersonAsync("erin", PersonRole.Editor);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("fm", "erin", PersonRole.Editor, default);
        var page = await site.OpenAsync("/projects/fm", person: "erin");

        await page.Locator(".df-new-type-name").FillAsync("Scores");
        await page.Locator(".df-new-type-create").ClickAsync();
        await Expect(page.Locator(".df-source-monaco .view-lines")).ToBeVisibleAsync();
        await page.Locator(".df-source-save").ClickAsync();
        await Expect(page.Locator(".df-source-bar .df-last-edit-by")).ToHaveTextAsync("erin");
        await page.GetByRole(AriaRole.Link, new() { Name = "fm", Exact = true }).ClickAsync();

        await Expect(Card(page, ".df-type-card", "Scores").Locator(".df-last-edit-by")).ToHaveTextAsync("erin");
        Assert.Empty(site.Errors);
    }

    /// <summary>The project page's card (pipeline, operation, type) whose link is exactly <paramref name="name"/>.</summary>
    private static ILocator Card(IPage page, string card, string name) =>
        page.Locator(card).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
}
