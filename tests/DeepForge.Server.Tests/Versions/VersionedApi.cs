using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Server.Tests.Versions;

/// <summary>Reads and writes projects and pipelines over HTTP as a careful client does: with the ETag it read.</summary>
internal static class VersionedApi
{
    public static async Task<(ProjectDefinition Project, string ETag)> GetProjectAsync(HttpClient http, string project)
    {
        using var response = await http.GetAsync($"/api/v1/projects/{project}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<ProjectDefinition>(Json.Options))!, ETagOf(response));
    }

    public static async Task<(PipelineDefinition Pipeline, string ETag)> GetPipelineAsync(HttpClient http, string project, string pipeline)
    {
        using var response = await http.GetAsync($"/api/v1/projects/{project}/pipelines/{pipeline}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<PipelineDefinition>(Json.Options))!, ETagOf(response));
    }

    /// <summary>PUT of a project; <paramref name="ifMatch"/> null sends no version.</summary>
    public static Task<HttpResponseMessage> PutProjectAsync(HttpClient http, ProjectDefinition project, string? ifMatch) =>
        SendAsync(http, HttpMethod.Put, $"/api/v1/projects/{project.Name}", project, ifMatch);

    public static Task<HttpResponseMessage> PutPipelineAsync(HttpClient http, string project, PipelineDefinition pipeline, string? ifMatch) =>
        SendAsync(http, HttpMethod.Put, $"/api/v1/projects/{project}/pipelines/{pipeline.Name}", pipeline, ifMatch);

    public static Task<HttpResponseMessage> DeletePipelineAsync(HttpClient http, string project, string pipeline, string? ifMatch) =>
        SendAsync<object?>(http, HttpMethod.Delete, $"/api/v1/projects/{project}/pipelines/{pipeline}", null, ifMatch);

    public static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without an ETag");

    /// <summary>The JSON body of an answer (a problem or a saved document).</summary>
    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<long> CurrentVersionAsync(HttpResponseMessage refused) => (await BodyAsync(refused)).GetProperty("currentVersion").GetInt64();

    public static long VersionOf(string etag) => long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> SendAsync<T>(HttpClient http, HttpMethod method, string path, T body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body != null) request.Content = JsonContent.Create(body, options: Json.Options);
        if (ifMatch != null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await http.SendAsync(request);
    }
}
