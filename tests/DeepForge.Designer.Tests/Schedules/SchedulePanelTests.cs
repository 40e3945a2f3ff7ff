using DeepForge.Schedules;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Schedules;

/// <summary>The schedule panel of the pipeline page in Chromium: a cron checked as it is typed, add, pause, resume, remove.</summary>
public sealed class SchedulePanelTests
{
    [Fact]
    public async Task Panel_RefusesABadCron_AddsAGoodOneWithItsNextFires_AndPausesResumesAndRemovesIt()
    {
        await using var site = await DesignerSite.StartAsync();
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var schedules = site.Services.GetRequiredService<ScheduleService>();
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");

        await page.Locator(".df-schedule-cron").FillAsync("0 2 * *");
        await Expect(page.Locator(".df-schedule-cron-problem")).ToContainTextAsync("cron '0 2 * *' is not a schedule");
        await Expect(page.Locator(".df-schedule-add")).ToBeDisabledAsync();

        await page.Locator(".df-schedule-cron").FillAsync("0 2 * * *");
        await page.Locator(".df-schedule-missed").SelectOptionAsync("skip");
        await page.Locator(".df-schedule-add").ClickAsync();

        var row = page.Locator(".df-schedule");
        await Expect(row.Locator(".df-schedule-cron-text")).ToHaveTextAsync("0 2 * * *");
        await Expect(row.Locator(".df-schedule-next")).ToContainTextAsync("02:00:00Z");
        await Expect(row.Locator(".df-schedule-missed-text")).ToContainTextAsync("skip");
        await site.ShotAsync(page, "schedule-panel");
        var stored = Assert.Single(await schedules.ListAsync("fm"));
        Assert.Equal(("download-normalize", "0 2 * * *", "skip", false), (stored.Pipeline, stored.Cron, stored.Missed, stored.Paused));

        await row.Locator(".df-schedule-pause").ClickAsync();
        await Expect(row.Locator(".df-schedule-state")).ToContainTextAsync("paused");
        await Expect(row.Locator(".df-schedule-next")).ToContainTextAsync("Next: -");
        Assert.True((await schedules.GetAsync("fm", stored.Id))!.Paused);

        await row.Locator(".df-schedule-resume").ClickAsync();
        await Expect(row.Locator(".df-schedule-state")).ToContainTextAsync("active");
        Assert.False((await schedules.GetAsync("fm", stored.Id))!.Paused);

        await row.Locator(".df-schedule-remove").ClickAsync();
        await Expect(page.Locator(".df-no-schedules")).ToBeVisibleAsync();
        Assert.Empty(await schedules.ListAsync("fm"));
        Assert.Empty(site.Errors);
    }
}
