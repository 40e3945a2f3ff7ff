using System.Net;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;
using static DeepForge.Server.Tests.Versions.VersionedApi;

namespace DeepForge.Server.Tests.Versions;

/// <summary>Every project write is a compare-and-set on the version the writer read (its ETag): nothing is silently overwritten.</summary>
public sealed class ProjectVersionTests
{
    [Fact]
    public async Task Eight_concurrent_puts_with_the_same_version_let_exactly_one_win_and_the_others_get_412_with_the_current_version()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (_, etag) = await GetProjectAsync(server.Api.Http, "demo");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var (copy, _) = await GetProjectAsync(server.Api.Http, "demo");
            copy.Description = $"writer {i}";
            return (Writer: i, Response: await PutProjectAsync(server.Api.Http, copy, etag));
        }));

        var winner = Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.OK);
        var losers = answers.Where(a => a.Writer != winner.Writer).ToList();
        Assert.All(losers, a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.Response.StatusCode));
        var winnerVersion = VersionOf(ETagOf(winner.Response));
        foreach (var loser in losers) Assert.Equal(winnerVersion, await CurrentVersionAsync(loser.Response));
        var (stored, storedTag) = await GetProjectAsync(server.Api.Http, "demo");
        Assert.Equal($"writer {winner.Writer}", stored.Description);
        Assert.Equal(ETagOf(winner.Response), storedTag);
        foreach (var answer in answers) answer.Response.Dispose();
    }

    [Fact]
    public async Task A_stale_put_is_refused_and_the_pipeline_another_person_added_meanwhile_stays()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (mine, myTag) = await GetProjectAsync(server.Api.Http, "demo");
        var (theirs, _) = await GetPipelineAsync(server.Api.Http, "demo", "single");
        theirs.Name = "theirs";

        using var added = await PutPipelineAsync(server.Api.Http, "demo", theirs, ifMatch: null);
        mine.Description = "my stale copy";
        using var stale = await PutProjectAsync(server.Api.Http, mine, myTag);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(VersionOf(ETagOf(added)), await CurrentVersionAsync(stale));
        Assert.Contains("changed by someone else", (await BodyAsync(stale)).GetProperty("detail").GetString());
        var (stored, _) = await GetProjectAsync(server.Api.Http, "demo");
        Assert.NotNull(stored.FindPipeline("theirs"));
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task A_put_without_a_version_to_an_existing_project_is_refused_with_428_that_says_to_send_if_match()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var blind = TestProjects.Create();
        blind.Pipelines.Clear();

        using var refused = await PutProjectAsync(server.Api.Http, blind, ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("send If-Match with the ETag of the GET /api/v1/projects/demo", (await BodyAsync(refused)).GetProperty("detail").GetString());
        var (stored, _) = await GetProjectAsync(server.Api.Http, "demo");
        Assert.Equal(TestProjects.Create().Pipelines.Count, stored.Pipelines.Count);
    }

    [Fact]
    public async Task The_etag_of_a_get_lets_one_put_through_and_the_put_answers_the_new_etag_that_the_next_get_gives()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, first) = await GetProjectAsync(server.Api.Http, "demo");
        project.Description = "first change";

        using var saved = await PutProjectAsync(server.Api.Http, project, first);
        var (_, next) = await GetProjectAsync(server.Api.Http, "demo");
        var (_, pipelineTag) = await GetPipelineAsync(server.Api.Http, "demo", "chain");
        using var again = await PutProjectAsync(server.Api.Http, project, first);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(first, ETagOf(saved));
        Assert.Equal(ETagOf(saved), next);
        Assert.Equal(next, pipelineTag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
    }

    [Fact]
    public async Task Creating_a_project_needs_no_version_but_if_none_match_star_refuses_to_replace_one()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var created = await PutProjectAsync(server.Api.Http, TestProjects.Create("fresh"), ifMatch: null);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/projects/fresh") { Content = System.Net.Http.Json.JsonContent.Create(new ProjectDefinition { Name = "fresh" }) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var replace = await server.Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, replace.StatusCode);
        Assert.Equal(VersionOf(ETagOf(created)), await CurrentVersionAsync(replace));
        Assert.Equal(TestProjects.Create().Pipelines.Count, (await GetProjectAsync(server.Api.Http, "fresh")).Project.Pipelines.Count);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("W/\"3\"")]
    [InlineData("*")]
    public async Task An_if_match_that_is_not_a_version_this_server_gave_is_a_400_and_nothing_is_stored(string ifMatch)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, _) = await GetProjectAsync(server.Api.Http, "demo");
        project.Description = "never stored";

        using var refused = await PutProjectAsync(server.Api.Http, project, ifMatch);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is not a version this server gave", (await BodyAsync(refused)).GetProperty("detail").GetString());
        Assert.Null((await GetProjectAsync(server.Api.Http, "demo")).Project.Description);
    }
}
