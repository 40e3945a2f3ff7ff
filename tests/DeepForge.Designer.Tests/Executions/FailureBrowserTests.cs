using DeepForge.Designer.Runs;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>A failure in the project's own code on the execution page in Debian's Chromium: screenshots failure-*.png.</summary>
public sealed class FailureBrowserTests
{
    private const string Project = "broken";

    // Line 14 is the indexing that fails; line 11 calls it.
    private const string Ticker = """
        [Operation(Category = "Test")]
        public sealed class Ticker(int count = 3) : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context)
            {
                var values = new int[count];
                for (var i = 0; i < count; i++) values[i] = i;
                context.Log.WriteLine("ticking");
                // one past the end
                return Tick(values, count);
            }

            private static int Tick(int[] values, int at) => values[at];
        }
        """;

    [Fact]
    public async Task A_failure_shows_the_users_frame_first_hides_DeepForge_frames_until_asked_and_links_to_the_line()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(new ProjectDefinition
        {
            Name = Project,
            Sources = [new SourceFile("operations/Ticker.cs", Ticker)],
            Pipelines = [new PipelineDefinition { Name = "tick", Nodes = [new PipelineNode { Id = "tick", Kind = NodeKind.Operation, Operation = "Ticker" }] }],
        });
        var execution = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(Project, "tick", new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);
        var log = page.Locator(".df-failure-log");

        await page.GotoAsync($"{site.Url}/executions/{execution.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Failed");
        await Assertions.Expect(log).ToContainTextAsync("at Ticker.Tick(Int32[] values, Int32 at) in operations/Ticker.cs:14");
        var text = await log.InnerTextAsync();
        Assert.True(text.IndexOf("Ticker.cs:14", StringComparison.Ordinal) < text.IndexOf("Ticker.cs:11", StringComparison.Ordinal), text);
        Assert.DoesNotContain("DeepForge.Runtime.", text);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("failure-01-own-frames.png"), FullPage = true });

        await page.Locator(".df-engine-frames-toggle").ClickAsync();
        await Assertions.Expect(log).ToContainTextAsync("at DeepForge.Runtime.OperationInvoker");
        Assert.DoesNotContain(":line ", await log.InnerTextAsync());

        await page.Locator(".df-frame-link[data-line='14']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{site.Url}/projects/{Project}/operations/Ticker?line=14");
        await Assertions.Expect(page.Locator(".monaco-editor .active-line-number")).ToHaveTextAsync("14");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("failure-02-line-in-editor.png"), FullPage = true });
        Assert.Empty(site.Errors);
    }
}
