using System.Text.Json;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Schedules;

/// <summary>'deepforge schedule' on the local data folder: what it stores and lists, and one line for each kind of wrong input, with nothing stored.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-schedule");
    private readonly Cli _cli;

    public ScheduleCommandTests()
    {
        _cli = new Cli(_temp["data"]);
        CliAssert.Succeeded(_cli.Run("new", "nightly", "--seed", new SeedFolder(_temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("texts").Operation("make", "MakeText", new { length = 10, seed = 1 }).Output("text", "text").Connect("make.text", "text.data")).Path));
    }

    [Fact]
    public void Add_StoresTheSchedule_AndListShowsItsCronPolicyAndNextFires()
    {
        var added = CliAssert.Succeeded(_cli.Run("schedule", "add", "nightly", "texts", "--cron", "30 4 * * 1", "--set", "make.length=20", "--missed", "skip", "--json"));
        var id = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("id").GetString()!;

        var listed = JsonDocument.Parse(CliAssert.Succeeded(_cli.Run("schedule", "list", "nightly", "--json")).Stdout).RootElement;
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("0 30 4 ? * MON", listed.GetProperty("quartzCron").GetString());
        Assert.Equal("skip", listed.GetProperty("missed").GetString());
        Assert.Equal(20, listed.GetProperty("attributes").GetProperty("make").GetProperty("length").GetInt32());
        var next = listed.GetProperty("nextFires").EnumerateArray().Select(f => f.GetDateTimeOffset()).ToList();
        Assert.Equal(3, next.Count);
        Assert.All(next, f => Assert.Equal((DayOfWeek.Monday, 4, 30), (f.UtcDateTime.DayOfWeek, f.UtcDateTime.Hour, f.UtcDateTime.Minute)));
    }

    [Fact]
    public void PauseResumeAndRemove_ChangeWhatListShows()
    {
        var id = JsonDocument.Parse(CliAssert.Succeeded(_cli.Run("schedule", "add", "nightly", "texts", "--cron", "0 2 * * *", "--json")).Stdout).RootElement.GetProperty("id").GetString()!;

        Assert.Contains("is paused", CliAssert.Succeeded(_cli.Run("schedule", "pause", "nightly", id)).Stdout);
        Assert.Contains("paused", CliAssert.Succeeded(_cli.Run("schedule", "list")).Stdout);
        Assert.Contains("is active", CliAssert.Succeeded(_cli.Run("schedule", "resume", "nightly", id)).Stdout);
        CliAssert.Succeeded(_cli.Run("schedule", "remove", "nightly", id));

        Assert.Contains("No schedules", CliAssert.Succeeded(_cli.Run("schedule", "list", "nightly")).Stdout);
    }

    [Theory]
    [InlineData("cron '0 2 * *' is not a schedule", "--cron", "0 2 * *")]
    [InlineData("cron '0 99 * * *' is not a schedule", "--cron", "0 99 * * *")]
    [InlineData("hour 25 is outside 0-23", "--cron", "*/5 * 25 * * ?")]
    [InlineData("--set nope", "--cron", "0 2 * * *", "--set", "nope.length=3")]
    [InlineData("lenght", "--cron", "0 2 * * *", "--set", "make.lenght=3")]
    [InlineData("--input nope", "--cron", "0 2 * * *", "--input", "nope=some-artifact")]
    [InlineData("--missed", "--cron", "0 2 * * *", "--missed", "later")]
    public void Add_WithWrongInput_SaysWhatInOneLine_AndStoresNothing(string mentions, params string[] options)
    {
        OneLineError.Assert(_cli.Run(["schedule", "add", "nightly", "texts", .. options]), 2, mentions);

        Assert.Contains("No schedules", CliAssert.Succeeded(_cli.Run("schedule", "list", "nightly")).Stdout);
    }

    [Fact]
    public void Add_OfAPipelineTheProjectHasNot_SaysWhichItHas() =>
        OneLineError.Assert(_cli.Run("schedule", "add", "nightly", "train", "--cron", "0 2 * * *"), 2, "has no pipeline 'train' (it has: texts)");

    [Fact]
    public void Pause_OfAScheduleTheProjectHasNot_SaysSoInOneLine() =>
        OneLineError.Assert(_cli.Run("schedule", "pause", "nightly", "s00000000"), 2, "no schedule 's00000000'");

    public void Dispose() => _temp.Dispose();
}
