using System.Net;
using System.Net.Http.Json;
using System.Text;
using DeepForge.Data;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Malformed or incomplete JSON is a 400 problem that says what is wrong, never a 500.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("/api/v1/runners/lease", "{not json", "not a valid JSON document")]
    [InlineData("/api/v1/runners/lease", "{\"labels\": [\"cpu\"], \"slots\": 1}", "runnerId")]
    [InlineData("/api/v1/runners/lease", "", "not a valid JSON document")]
    [InlineData("/api/v1/jobs/abc/heartbeat", "{\"leaseToken\": 5, \"log\": [], \"feedback\": []}", "leaseToken")]
    [InlineData("/api/v1/jobs/abc/complete", "[1, 2", "send a JSON object")]
    public async Task A_runner_request_with_bad_json_gets_400_naming_the_problem(string path, string body, string expected)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var worker = server.Worker("w");

        using var response = await worker.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_json_to_the_rest_api_gets_400_and_nothing_is_stored()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var create = await server.Api.Http.PostAsync("/api/v1/projects", new StringContent("{\"name\": \"x\",", Encoding.UTF8, "application/json"));
        using var save = await server.Api.Http.PutAsync("/api/v1/projects/x", new StringContent("{\"pipelines\": 3}", Encoding.UTF8, "application/json"));
        var projects = await server.Api.Http.GetFromJsonAsync<List<object>>("/api/v1/projects", Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        var saved = await save.Content.ReadAsStringAsync();
        Assert.Contains("$.pipelines", saved);
        Assert.DoesNotContain("System.", saved);
        Assert.DoesNotContain("ProjectDefinition", saved);
        Assert.Empty(projects!);
    }

    [Fact]
    public async Task An_invalid_pipeline_is_refused_with_the_problems_and_no_execution_is_made()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());

        using var unknown = await server.Api.Http.PostAsJsonAsync("/api/v1/projects/demo/executions", new { pipeline = "nope" }, Json.Options);
        using var noProject = await server.Api.Http.PostAsJsonAsync("/api/v1/projects/ghost/executions", new { pipeline = "chain" }, Json.Options);
        var list = await server.Api.Http.GetFromJsonAsync<List<object>>("/api/v1/projects/demo/executions", Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("has no pipeline 'nope'", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noProject.StatusCode);
        Assert.Empty(list!);
    }
}
