using System.Net;
using System.Text;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Every 4xx answer of the REST API has a problem body that speaks of the request, not of .NET types or command-line flags.</summary>
public sealed class ProblemBodyTests
{
    [Theory]
    [InlineData("GET", "/api/v1/no-such-route", HttpStatusCode.NotFound, null)]
    [InlineData("DELETE", "/api/v1/projects", HttpStatusCode.MethodNotAllowed, null)]
    [InlineData("GET", "/api/v1/blobs/not-a-hash", HttpStatusCode.BadRequest, null)]
    [InlineData("GET", "/api/v1/projects/nosuch", HttpStatusCode.NotFound, null)]
    [InlineData("POST", "/api/v1/projects", HttpStatusCode.UnsupportedMediaType, "text/plain")]
    public async Task An_error_answer_has_a_problem_body(string method, string path, HttpStatusCode expected, string? contentType)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType != null) request.Content = new StringContent("{}", Encoding.UTF8, contentType);

        using var response = await server.Api.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_run_with_an_unknown_input_node_is_refused_naming_the_json_field_not_a_flag()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var body = """{"pipeline": "gpu", "inputs": {"nosuch": "x"}, "attributes": {"ghost": {"a": 1}}}""";

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/executions", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("attributes.ghost", text);
        Assert.DoesNotContain("--set", text);
        Assert.DoesNotContain("--input", text);
    }

    [Fact]
    public async Task A_run_with_an_input_for_a_node_that_is_no_input_names_the_inputs_field()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var body = """{"pipeline": "gpu", "inputs": {"nosuch": "x"}}""";

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/executions", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("inputs.nosuch", text);
        Assert.DoesNotContain("--input", text);
    }
}
