using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using DeepForge.Data;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests.Security;

/// <summary>What a web page on another site, or a guesser, may try: refused before anything is done.</summary>
public sealed class HostileRequestTests
{
    [Fact]
    public async Task A_request_for_a_foreign_host_is_refused_even_with_a_credential()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects") { Headers = { Host = "attacker.example" } };

        using var response = await server.Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("server.allowedHosts", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_host_named_in_allowed_hosts_is_answered()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.AllowedHosts.Add("deepforge.lab"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects") { Headers = { Host = "deepforge.lab" } };

        using var response = await server.Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_run_started_without_json_gets_415_and_nothing_starts(string? contentType)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"pipeline\":\"single\"}"));
        if (contentType != null) body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/executions", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
        Assert.Empty((await server.Api.Http.GetFromJsonAsync<List<object>>("/api/v1/projects/demo/executions"))!);
    }

    [Fact]
    public async Task A_cancel_sent_as_text_plain_gets_415_and_the_run_goes_on()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var started = await server.Api.StartAsync("demo", "single");

        using var response = await server.Api.Http.PostAsync($"/api/v1/executions/{started.Execution.Id}/cancel", new StringContent("", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False((await server.Api.ExecutionAsync(started.Execution.Id)).Execution.CancelRequested);
    }

    [Fact]
    public async Task A_state_changing_request_from_another_origin_is_refused()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects") { Content = JsonContent.Create(new { name = "evil", seed = "blank" }) };
        request.Headers.Add("Origin", "http://attacker.example");

        using var response = await server.Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await server.Api.Http.GetFromJsonAsync<List<object>>("/api/v1/projects"))!);
    }

    [Fact]
    public async Task A_cross_origin_websocket_is_refused()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://attacker.example");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://{server.Address.Authority}/_blazor"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Twenty_wrong_passwords_in_a_row_get_429_even_for_the_right_one_next()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var anonymous = server.Raw();
        var answers = new List<HttpStatusCode>();

        for (var i = 0; i < 20; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { name = ServerHost.AdminName, password = $"guess-{i}" }, Json.Options);
            answers.Add(wrong.StatusCode);
        }
        using var right = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { name = ServerHost.AdminName, password = ServerHost.Password }, Json.Options);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task A_right_password_answers_a_token_that_signs_programs_in()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var anonymous = server.Raw();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { name = ServerHost.AdminName, password = ServerHost.Password }, Json.Options);
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Fact]
    public async Task Answers_carry_nosniff_frame_ancestors_and_a_referrer_policy()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var response = await server.Raw().GetAsync("/health");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_seeds_endpoint_shows_no_server_paths()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        var seeds = await server.Api.Http.GetStringAsync("/api/v1/seeds");

        Assert.DoesNotContain("directory", seeds, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/", seeds);
    }
}
