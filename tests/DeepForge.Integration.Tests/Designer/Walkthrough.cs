using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Integration.Tests.Designer;

/// <summary>The steps of the seed's First Steps as a user clicks them; each ends with a screenshot.</summary>
internal sealed class Walkthrough(IPage page, Browser browser, string url)
{
    private static readonly TimeSpan LongRun = TimeSpan.FromMinutes(15);
    private string _project = "";

    /// <summary>Opens the designer signed out, lands on the sign-in page, and signs in there with a name and password.</summary>
    public async Task SignInAsync(string name, string password)
    {
        await page.GotoAsync(url + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(password);
        await browser.ShotAsync(page, "sign-in");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(url + "/");
        await Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
    }

    public async Task CreateProjectAsync(string name, string seed)
    {
        _project = name;
        await GotoAsync("/");
        await page.Locator(".df-create-project").ClickAsync();
        await page.Locator(".df-create-dialog input").FillAsync(name);
        await page.Locator(".df-next").ClickAsync();
        await page.Locator(".df-project-seed").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = seed }).ClickAsync();
        await browser.ShotAsync(page, "choose-seed");
        await page.Locator(".df-create").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{url}/projects/{name}");
        await Expect(page.Locator(".df-pipeline-card")).ToHaveCountAsync(3);
        await browser.ShotAsync(page, "project-pipelines");
    }

    public async Task RunAsync(string pipeline)
    {
        await OpenPipelineAsync(pipeline);
        await ExecuteAndOpenAsync(pipeline);
        await WaitForSuccessAsync(pipeline);
    }

    public async Task SetTrainingInputAsync()
    {
        await OpenPipelineAsync("train");
        await ChooseInputAsync("trainingdata", "traindata");
        await browser.ShotAsync(page, "train-input");
    }

    public async Task InspectTrainAsync()
    {
        await SelectNodeAsync("train");
        var panel = page.Locator(".df-node-panel");
        await Expect(panel.Locator(".df-attribute[data-attribute=learningRate]")).ToBeVisibleAsync();
        await Expect(panel.Locator(".df-reference[data-reference=net]")).ToContainTextAsync("cnn");
        // One epoch is enough to see the chart grow and to test a model (the seed's five take minutes here).
        var epochs = panel.Locator(".df-attribute[data-attribute=epochs] input");
        await epochs.FillAsync("1");
        await epochs.PressAsync("Tab");
        await Expect(epochs).ToHaveValueAsync("1");
        await browser.ShotAsync(page, "train-operation");
        await SelectNodeAsync("model");
        await Expect(page.Locator(".df-node-panel .df-output-name")).ToHaveValueAsync("myModel");
        await browser.ShotAsync(page, "train-output");
    }

    public async Task RunTrainWatchingTheChartAsync()
    {
        await ExecuteAndOpenAsync("train");
        await SelectJobAsync("train");
        var chart = page.Locator(".df-chart[data-title='Training Error']");
        await Expect(chart).ToBeVisibleAsync(new() { Timeout = (float)LongRun.TotalMilliseconds });
        var first = await PointsAsync(chart);
        await browser.ShotAsync(page, "train-running");
        // The chart gains points while the job runs: wait for more than were first seen, before the run ends.
        await Expect(chart).Not.ToHaveAttributeAsync("data-points", first.ToString(CultureInfo.InvariantCulture), new() { Timeout = (float)LongRun.TotalMilliseconds });
        await WaitForSuccessAsync("train");
        Assert.True(await PointsAsync(chart) > first, "the Training Error chart did not gain points");
        await browser.ShotAsync(page, "train-done");
    }

    public async Task SetTestInputsAsync()
    {
        await OpenPipelineAsync("test");
        foreach (var (input, node, artifact) in new[] { ("testingData", "testdata", "testdata"), ("net", "model", "myModel"), ("classes", "classes", "classes") })
        {
            // Which Input feeds which port: the port's tooltip gives its full name and type.
            var port = page.Locator($".df-port-row[data-port='test.{input}']");
            await port.HoverAsync();
            await Expect(port.Locator(".df-port-tip")).ToBeVisibleAsync();
            await Expect(port.Locator(".df-port-tip")).ToContainTextAsync($"test.{input} :");
            if (input == "testingData") await browser.ShotAsync(page, "test-port-tooltip");
            await ChooseInputAsync(node, artifact);
        }
        await browser.ShotAsync(page, "test-inputs");
    }

    public async Task<string> RunTestAndReadOutputAsync()
    {
        await ExecuteAndOpenAsync("test");
        await WaitForSuccessAsync("test");
        await SelectJobAsync("test");
        var log = page.Locator(".df-job-log");
        await Expect(log).ToContainTextAsync("correct");
        await browser.ShotAsync(page, "test-output");
        return await log.InnerTextAsync();
    }

    private async Task OpenPipelineAsync(string pipeline)
    {
        await GotoAsync($"/projects/{_project}");
        await page.Locator(".df-pipeline-card a", new() { HasText = pipeline }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{url}/projects/{_project}/pipelines/{pipeline}");
        await Expect(page.Locator(".df-node").First).ToBeVisibleAsync();
        await browser.ShotAsync(page, $"{pipeline}-pipeline");
    }

    /// <summary>Loads a page and waits for its circuit: a click before then could be lost.</summary>
    private async Task GotoAsync(string path)
    {
        await page.GotoAsync(url + path);
        await Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
    }

    private async Task SelectNodeAsync(string node)
    {
        // A click that lands while the diagram redraws (an edit just saved, heard back from the store) can meet a node
        // being replaced; as a person would, click again when the panel did not follow.
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator($".df-node[data-node='{node}'] .df-node-title").ClickAsync();
            try
            {
                await Expect(page.Locator(".df-node-panel .df-panel-title")).ToHaveTextAsync(node, new() { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
    }

    private async Task ChooseInputAsync(string node, string artifact)
    {
        await SelectNodeAsync(node);
        await page.Locator($".df-node-panel .df-artifact-choice[data-artifact='{artifact}']").ClickAsync();
        await Expect(page.Locator($".df-node-panel .df-artifact-choice[data-artifact='{artifact}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-chosen"));
    }

    /// <summary>Execute Pipeline, then open the new run from the execution tray at the lower left.</summary>
    private async Task ExecuteAndOpenAsync(string pipeline)
    {
        var before = await page.Locator(".df-tray-item").CountAsync();
        await page.Locator(".df-execute").ClickAsync();
        await Expect(page.Locator(".df-tray-item")).ToHaveCountAsync(before + 1);
        await browser.ShotAsync(page, $"{pipeline}-tray");
        await page.Locator(".df-tray-item a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/executions/"));
    }

    private async Task WaitForSuccessAsync(string pipeline)
    {
        var status = page.Locator(".df-execution-status");
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Succeeded|Failed|Cancelled"), new() { Timeout = (float)LongRun.TotalMilliseconds });
        await browser.ShotAsync(page, $"{pipeline}-execution");
        await Expect(status).ToHaveTextAsync("Succeeded");
    }

    private Task SelectJobAsync(string node) => page.Locator($".df-job-tab[data-node='{node}']").First.ClickAsync();

    private static async Task<int> PointsAsync(ILocator chart) =>
        int.Parse(await chart.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);
}
