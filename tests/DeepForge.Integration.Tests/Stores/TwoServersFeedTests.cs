using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DeepForge.Integration.Tests.Designer;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;
using DeepForge.Testing;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Integration.Tests.Stores;

/// <summary>
/// Two <c>deepforge start</c> processes on one PostgreSQL store, each with a data folder of its own, as two servers
/// behind a balancer: what one stores reaches pages open on the other by the store's change feed.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class TwoServersFeedTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-feed");
    private readonly List<BackgroundCli> _servers = [];
    private PostgreSqlTestCluster? _postgres;

    [PostgreSqlFact]
    public async Task PipelineEditedThroughServerA_AppearsInTheEditorOpenOnServerB()
    {
        _postgres = new PostgreSqlTestCluster();
        _postgres.Execute("CREATE DATABASE deepforge");
        var (a, b) = (OnTheStore("a"), OnTheStore("b"));
        CliAssert.Succeeded(a.Run("new", "pg", "--seed", new SeedFolder(_temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("text").Operation("make", "MakeText", new { length = 10, seed = 3 }).Output("out", "out").Connect("make.text", "out.data")).Path));
        a.AddPerson(Cluster.AdminName, "admin");
        var token = CliAssert.Succeeded(a.Run("token", "create", "--user", Cluster.AdminName)).StdoutLines.Last().Trim();
        var urlA = await StartAsync(a);
        var urlB = await StartAsync(b);

        await using var browser = await Browser.LaunchAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "two-servers-feed"));
        var page = await browser.NewPageAsync();
        await new Walkthrough(page, browser, urlB).SignInAsync(Cluster.AdminName, Cli.Password);
        await page.GotoAsync(urlB + "/projects/pg/pipelines/text");
        var output = page.Locator(".df-node[data-node=out]");
        await Expect(output).ToBeVisibleAsync();
        await Expect(output).Not.ToContainTextAsync("fromServerA");

        using var api = new HttpClient { BaseAddress = new Uri(urlA) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await RenameOutputAsync(api, "fromServerA");

        // The bound: within 2 s of server A answering, on server B's page, with no reload.
        await Expect(output).ToContainTextAsync("fromServerA", new() { Timeout = 2000 });
        await browser.ShotAsync(page, "edit-from-server-a");
        Assert.Empty(browser.Errors);
    }

    private Cli OnTheStore(string name)
    {
        var cli = new Cli(_temp[name]);
        cli.Environment["DEEPFORGE_STORE"] = _postgres!.Url("deepforge");
        return cli;
    }

    private async Task<string> StartAsync(Cli cli)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var server = cli.Start("start", "--port", new Uri(url).Port.ToString(CultureInfo.InvariantCulture));
        _servers.Add(server);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Poll.UntilAsync(async () =>
        {
            Assert.False(server.HasExited, $"deepforge start ended while starting\n{server}");
            try { using var response = await http.GetAsync("/ready"); return response.StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromMinutes(1), () => $"deepforge start never became ready\n{server}");
        return url;
    }

    // As a program edits: read the project with its ETag, change the output's artifact name, save under If-Match.
    private static async Task RenameOutputAsync(HttpClient api, string name)
    {
        using var read = await api.GetAsync("/api/v1/projects/pg");
        var body = await read.Content.ReadAsStringAsync();
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET the project -> {(int)read.StatusCode}: {body}");
        var project = JsonNode.Parse(body)!;
        var output = project["pipelines"]!.AsArray().Single(p => (string?)p!["name"] == "text")!["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "out")!;
        output["artifact"] = name;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/projects/pg")
        {
            Content = new StringContent(project.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        using var saved = await api.SendAsync(request);
        Assert.True(saved.IsSuccessStatusCode, $"server A refused the edit: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose();
        _postgres?.Dispose();
        _temp.Dispose();
    }
}
