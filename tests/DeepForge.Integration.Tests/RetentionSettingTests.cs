using System.Globalization;
using System.Net;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>retention.executionLogs and retention.jobRecords: read by <c>deepforge start</c>, a value that is no duration stops it in one line naming the key.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RetentionSettingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("retention.jobRecords", "-1d")]
    [InlineData("retention.jobRecords", "a while")]
    [InlineData("retention.executionLogs", "12")]
    [InlineData("retention.executionLogs", "-5h")]
    public void Start_IsRefusedInOneLineNamingTheKey_WhenARetentionIsNoDuration(string key, string value)
    {
        var cli = new Cli(_temp["data"]);
        CliAssert.Succeeded(cli.Run("config", key, value));

        var line = OneLineError.Assert(cli.Run(TimeSpan.FromMinutes(2), "start", "-s", "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture)), 2, key);

        Assert.Contains($"'{value}'", line);
        Assert.Contains($"deepforge config {key}", line);
    }

    [Fact]
    public void Start_IsRefusedInOneLineNamingTheKey_WhenTheEnvironmentGivesANegativeRetention()
    {
        var cli = new Cli(_temp["data"]);
        cli.Environment["DEEPFORGE_RETENTION_JOB_RECORDS"] = "-2h";

        OneLineError.Assert(cli.Run(TimeSpan.FromMinutes(2), "start", "-s", "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture)), 2, "retention.jobRecords");
    }

    [Fact]
    public async Task Start_Serves_WithRetentionsGivenAsDurationsAndForever()
    {
        var cli = new Cli(_temp["data"]);
        CliAssert.Succeeded(cli.Run("config", "retention.jobRecords", "0"));
        CliAssert.Succeeded(cli.Run("config", "retention.executionLogs", "forever"));
        var port = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var server = cli.Start("start", "-s", "--port", port.ToString(CultureInfo.InvariantCulture));

        await Poll.UntilAsync(async () =>
        {
            Assert.False(server.HasExited, $"the server ended\n{server}");
            try { using var ready = await http.GetAsync("/ready"); return ready.StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromMinutes(2), () => $"the server never became ready\n{server}");
    }

    [Fact]
    public void Config_ShowsTheRetentionDefaults()
    {
        var cli = new Cli(_temp["data"]);

        var jobs = CliAssert.Succeeded(cli.Run("config", "retention.jobRecords"));
        var logs = CliAssert.Succeeded(cli.Run("config", "retention.executionLogs"));

        Assert.Equal("\"1d\"", jobs.Stdout.Trim());
        Assert.Equal("\"forever\"", logs.Stdout.Trim());
    }

    public void Dispose() => _temp.Dispose();
}
