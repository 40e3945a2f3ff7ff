using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DeepForge.Data;
using DeepForge.Identity;
using DeepForge.Server.Tests.Infrastructure;
using DeepForge.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests.Security;

/// <summary>Who may do what: no credential, roles, project membership, tokens, the one-time address, what the store keeps.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task Every_endpoint_but_sign_in_health_and_the_runner_protocol_answers_401_without_a_credential()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var anonymous = server.Raw();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var open = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Part))));
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() != null) { open.Add(path); continue; }
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" ? null : TestData.EmptyJson() };
                using var response = await anonymous.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a credential");
            }
        }

        Assert.True(endpoints.Count > 25, $"only {endpoints.Count} endpoints were found");
        Assert.All(open, p => Assert.True(p is "/health" or "/ready" or "/signin" or "/signout" or "/api/v1/auth/tokens"
            || p.StartsWith("/api/v1/runners/lease", StringComparison.Ordinal) || p.StartsWith("/api/v1/jobs/", StringComparison.Ordinal)
            || p.StartsWith("/api/v1/blobs/", StringComparison.Ordinal), $"{p} answers without sign-in"));
        Assert.Empty((await server.Api.Http.GetFromJsonAsync<List<object>>("/api/v1/projects/demo/executions"))!);
    }

    [Fact]
    public async Task A_viewer_gets_403_on_edits_and_runs_and_nothing_is_started()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        await server.Services.GetRequiredService<ProjectAccess>().ShareAsync("demo", "vera", PersonRole.Editor, default);
        using var viewer = await server.ApiAsAsync("vera", PersonRole.Viewer);

        using var read = await viewer.Http.GetAsync("/api/v1/projects/demo");
        using var save = await viewer.Http.PutAsJsonAsync("/api/v1/projects/demo", TestProjects.Create(), Json.Options);
        using var start = await viewer.Http.PostAsJsonAsync("/api/v1/projects/demo/executions", new { pipeline = "single" }, Json.Options);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Empty((await server.Api.Http.GetFromJsonAsync<List<object>>("/api/v1/projects/demo/executions"))!);
    }

    [Fact]
    public async Task A_person_outside_a_project_gets_404_for_it_and_its_runs_and_does_not_see_its_name()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var started = await server.Api.StartAsync("demo", "single");
        using var outsider = await server.ApiAsAsync("olga", PersonRole.Editor);

        using var project = await outsider.Http.GetAsync("/api/v1/projects/demo");
        using var execution = await outsider.Http.GetAsync($"/api/v1/executions/{started.Execution.Id}");
        using var cancel = await outsider.Http.PostAsync($"/api/v1/executions/{started.Execution.Id}/cancel", TestData.EmptyJson());
        var list = await outsider.Http.GetStringAsync("/api/v1/projects");

        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, execution.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.DoesNotContain("demo", list);
    }

    [Fact]
    public async Task An_editor_shared_a_project_edits_and_runs_it_and_a_project_they_make_is_theirs()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        await server.Services.GetRequiredService<ProjectAccess>().ShareAsync("demo", "eddie", PersonRole.Editor, default);
        using var editor = await server.ApiAsAsync("eddie", PersonRole.Editor);

        var started = await editor.StartAsync("demo", "single");
        var mine = TestProjects.Create();
        mine.Name = "mine";
        using var created = await editor.Http.PutAsJsonAsync("/api/v1/projects/mine", mine, Json.Options);
        var members = await server.Services.GetRequiredService<ProjectAccess>().MembersAsync("mine", default);

        Assert.Equal(("demo", "eddie"), (started.Execution.Project, started.Execution.StartedBy));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("eddie", members?.Owner);
    }

    [Fact]
    public async Task An_uploaded_artifact_records_who_uploaded_it()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/artifacts?name=notes", TestData.Upload([1, 2, 3]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ServerHost.AdminName, Assert.Single(await server.Api.ArtifactsAsync("demo")).CreatedBy);
    }

    [Fact]
    public async Task A_revoked_or_expired_token_gets_401()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var tokens = server.Services.GetRequiredService<AccessTokens>();
        var revoked = await server.TokenForAsync("rita", PersonRole.Editor);
        var expired = await server.TokenForAsync("rita", PersonRole.Editor, TimeSpan.FromMilliseconds(1));
        using var before = await GetAsync(server, "/api/v1/auth/me", revoked);
        var record = (await tokens.ListAsync("rita", default)).First();
        Assert.True(await tokens.RevokeAsync(record.Id, default));

        using var afterRevoke = await GetAsync(server, "/api/v1/auth/me", revoked);
        await Eventually.GetAsync(async () => { using var r = await GetAsync(server, "/api/v1/auth/me", expired); return r.StatusCode; },
            status => status == HttpStatusCode.Unauthorized, "the expired token to be refused");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("deepforge login", await afterRevoke.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_worker_token_opens_only_the_runner_protocol()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var projects = await GetAsync(server, "/api/v1/projects", server.WorkerToken);

        Assert.Equal(HttpStatusCode.Unauthorized, projects.StatusCode);
    }

    [Fact]
    public async Task The_one_time_address_signs_a_browser_in_once()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var token = await server.Services.GetRequiredService<SignInTokens>().CreateAsync(ServerHost.AdminName, null, default);
        using var browser = Browser(server);
        using var second = Browser(server);

        using var first = await browser.GetAsync($"/?token={token}");
        using var me = await browser.GetAsync("/api/v1/auth/me");
        using var again = await second.GetAsync($"/?token={token}");
        using var secondMe = await second.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location?.OriginalString);
        Assert.Contains("\"name\":\"admin\"", await me.Content.ReadAsStringAsync());
        Assert.Equal("/signin?error=token", again.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, secondMe.StatusCode);
    }

    [Fact]
    public async Task Passwords_and_tokens_are_not_stored_as_they_were_typed()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var token = await server.TokenForAsync("sam", PersonRole.Viewer);
        var signIn = await server.Services.GetRequiredService<SignInTokens>().CreateAsync("sam", null, default);
        var store = server.Services.GetRequiredService<IDocumentStore>();

        var everything = new List<string>();
        foreach (var collection in new[] { "people", "access-tokens", "sign-in-tokens" })
            everything.AddRange((await store.ListAsync(collection, null)).Select(d => d.Json));
        var database = await File.ReadAllBytesAsync(Path.Combine(data.Directory, "deepforge.db"));
        var text = System.Text.Encoding.UTF8.GetString(database);

        Assert.True(everything.Count >= 4, $"the store holds {everything.Count} identity documents");
        Assert.All(everything, json => Assert.DoesNotContain(ServerHost.Password, json));
        Assert.All(everything, json => Assert.DoesNotContain(token, json));
        Assert.All(everything, json => Assert.DoesNotContain(signIn, json));
        Assert.DoesNotContain(ServerHost.Password, text);
        Assert.DoesNotContain(token[4..], text);
    }

    private static HttpClient Browser(ServerHost server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };

    private static async Task<HttpResponseMessage> GetAsync(ServerHost server, string path, string token)
    {
        using var http = server.Raw();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(path);
    }

    private static string Part(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPart part) => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "hash" } => new string('a', 64),
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "project" } => "demo",
        _ => "x",
    };
}
