using DeepForge.Hosting;
using DeepForge.Runner.Protocol;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepForge.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Tests;

/// <summary>Health, readiness, the OpenAPI document, and options checked at start.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Health_and_ready_answer()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var health = await server.Api.Http.GetAsync("/health");
        using var ready = await server.Api.Http.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\":true", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_real_endpoints_with_the_protocol_version()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var document = JsonDocument.Parse(await server.Api.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var lease = paths.GetProperty("/api/v1/runners/lease").GetProperty("post");

        foreach (var path in new[] { "/api/v1/projects", "/api/v1/executions/{execution}", "/api/v1/jobs/{job}/heartbeat", "/api/v1/blobs/{hash}", "/api/v1/projects/{project}/artifacts" })
            Assert.True(paths.TryGetProperty(path, out _), $"the document has no {path}");
        Assert.Contains(lease.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == RunnerProtocol.VersionHeader);
        Assert.True(lease.TryGetProperty("security", out _));
        Assert.Contains($"version {RunnerProtocol.Version}", document.RootElement.GetProperty("info").GetProperty("description").GetString());
        Assert.False(paths.GetProperty("/api/v1/projects").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task A_wrong_option_stops_the_start_with_a_message_naming_it()
    {
        using var data = new TestData();

        // Kestrel reads where to listen when the app is built, so a wrong option can stop the build before the start.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerHost.Build(data.Directory, o => (o.Port, o.LeaseDuration) = (70000, TimeSpan.Zero));
            await app.StartAsync();
        });

        Assert.Contains("DeepForgeServerOptions.Port is 70000", error.Message);
        Assert.Contains("DeepForgeServerOptions.LeaseDuration", error.Message);
    }

    [Fact]
    public async Task Adding_and_mapping_the_server_twice_is_harmless()
    {
        using var data = new TestData();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Services.AddDeepForge(df => df.UseDataDirectory(data.Directory).UseSqlite(Path.Combine(data.Directory, "deepforge.db")));
        builder.Services.AddDeepForgeServer(o => o.Port = 0).AddDeepForgeServer(o => o.Host = "localhost");
        await using var app = builder.Build();
        app.MapDeepForgeServer().MapDeepForgeServer();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        await app.Services.GetRequiredService<DeepForge.Identity.People>().AddAsync("admin", DeepForge.Identity.PersonRole.Admin, ServerHost.Password, default);
        var token = await app.Services.GetRequiredService<DeepForge.Identity.AccessTokens>().CreateAsync("admin", null, null, default);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);

        var projects = await http.GetFromJsonAsync<List<object>>("/api/v1/projects");

        Assert.Empty(projects!);
        Assert.StartsWith("http://127.0.0.1:", app.Urls.Single());
        await app.StopAsync();
    }
}
