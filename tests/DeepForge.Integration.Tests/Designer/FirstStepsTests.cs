using DeepForge.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Integration.Tests.Designer;

/// <summary>
/// The seed's "First Steps", in Debian's Chromium against `deepforge start`, on the fashion-mnist seed: sign in as an editor, create the
/// project, run download-normalize, set the training input, inspect the train operation, run train and watch its
/// "Training Error" chart, set the test inputs by hovering and choosing, run test and read the per-class accuracies.
/// Screenshots of each step go to screenshots/first-steps/ in the test output.
/// </summary>
public sealed class FirstStepsTests
{
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(15);

    [FashionMnistFact]
    public async Task FirstSteps_TrainsAndTestsAModel_WhenWalkedThroughInTheBrowser()
    {
        using var server = await DesignerServer.StartAsync();
        await using var browser = await Browser.LaunchAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "first-steps"));
        var page = await browser.NewPageAsync();
        var walk = new Walkthrough(page, browser, server.Url);

        await walk.SignInAsync(DesignerServer.EditorName, Cli.Password);
        await walk.CreateProjectAsync("hello_fashion", "fashion-mnist");
        await walk.RunAsync("download-normalize");
        await walk.SetTrainingInputAsync();
        await walk.InspectTrainAsync();
        await walk.RunTrainWatchingTheChartAsync();
        await walk.SetTestInputsAsync();
        var output = await walk.RunTestAndReadOutputAsync();

        Assert.Matches(@"\d+ / 10000 correct", output);
        foreach (var label in new[] { "T-shirt/top", "Trouser", "Ankle boot" }) Assert.Contains(label, output);
        Assert.True(browser.Errors.Count == 0, $"script errors in the page: {string.Join("\n", browser.Errors)}\n{server}");
    }
}
