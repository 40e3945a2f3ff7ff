using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Data;
using DeepForge.Hosting;
using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Server.Api.Projects;
using DeepForge.Server.Hosting;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DeepForge.Server.Api.Artifacts;

/// <summary>/api/v1/projects/{project}/artifacts: list, upload a file (streamed), download (with Range), delete (refused while an Input node reads it).</summary>
internal static class ArtifactEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{project}/artifacts").WithTags("Artifacts");
        group.MapGet("/", ListAsync).WithSummary("A project's artifacts, newest first").Produces<IReadOnlyList<ArtifactRecord>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", UploadAsync).WithSummary("Upload the request body as a file artifact named by ?name=")
            .Accepts<Stream>("application/octet-stream").Produces<ArtifactRecord>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artifact}", GetAsync).WithSummary("An artifact, by id or (newest of) name").Produces<ArtifactRecord>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artifact}/content", DownloadAsync).WithSummary("An artifact's bytes; Range requests get 206")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Produces(StatusCodes.Status206PartialContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // its blob is damaged: moved aside, upload the data again
        group.MapDelete("/{artifact}", DeleteAsync).WithSummary("Delete an artifact's record; its blob is freed by the blob collector once nothing else refers to it. Refused while a pipeline's Input node reads it")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        ArtifactExportEndpoints.Map(group);
    }

    private static async Task<IResult> ListAsync(string project, ArtifactService artifacts, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Projects.GetAsync(project, cancellationToken) == null ? ProjectEndpoints.NoProject(project)
            : Results.Ok(await artifacts.ListAsync(project, cancellationToken));

    // The name is checked before a byte is read, so a refused upload stores nothing.
    private static async Task<IResult> UploadAsync(string project, string? name, HttpContext http, DeepForgeStore store, IBlobStore blobs,
        IOptions<DeepForgeServerOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        if (string.IsNullOrEmpty(name)) return ApiProblems.BadRequest("the artifact name is missing: pass it as ?name=<name>");
        ArtifactService.CheckName(name);
        Uploads.AllowBody(http, options.Value);
        var blob = await blobs.PutAsync(http.Request.Body, null, cancellationToken);
        var artifact = new ArtifactRecord
        {
            Id = $"upload-{Guid.NewGuid().ToString("n")[..12]}", Project = project, Name = name,
            DataType = DataTypeNames.Of(typeof(DataFile)), Hash = blob.Hash, Size = blob.Size, CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = http.User.Identity?.Name,
        };
        await store.Artifacts.PutAsync(artifact.Id, project, artifact, 0, cancellationToken);
        ServerLog.ArtifactUploaded(loggers.CreateLogger(typeof(ArtifactEndpoints)), artifact.Id, name, project, blob.Size, blob.Hash);
        return Results.Created($"/api/v1/projects/{project}/artifacts/{artifact.Id}", artifact);
    }

    private static async Task<IResult> GetAsync(string project, string artifact, DeepForgeStore store, CancellationToken cancellationToken) =>
        await FindAsync(project, artifact, store, cancellationToken) is { } found ? Results.Ok(found) : NoArtifact(project, artifact);

    private static async Task<IResult> DownloadAsync(string project, string artifact, DeepForgeStore store, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (await FindAsync(project, artifact, store, cancellationToken) is not { } found) return NoArtifact(project, artifact);
        if (!await blobs.ExistsAsync(found.Hash, cancellationToken)) return ApiProblems.NotFound($"the data of artifact '{found.Name}' (blob {found.Hash}) is missing from the blob store");
        return Results.Stream(await blobs.OpenReadAsync(found.Hash, cancellationToken), "application/octet-stream", fileDownloadName: found.Name,
            entityTag: new EntityTagHeaderValue($"\"{found.Hash}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteAsync(string project, string artifact, DeepForgeStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if ((await store.Projects.GetAsync(project, cancellationToken))?.Value is not { } definition) return ProjectEndpoints.NoProject(project);
        var all = await store.Artifacts.ListAsync(project, cancellationToken);
        if (all.FirstOrDefault(a => a.Id == artifact) is not { } found) return NoArtifact(project, artifact);
        if (ArtifactUse.Find(definition, found, all) is { } reason) return ApiProblems.Conflict(reason);
        await store.Artifacts.DeleteAsync(found.Id, cancellationToken);
        ServerLog.ArtifactDeleted(loggers.CreateLogger(typeof(ArtifactEndpoints)), found.Id, project);
        return Results.NoContent();
    }

    private static async Task<ArtifactRecord?> FindAsync(string project, string idOrName, DeepForgeStore store, CancellationToken cancellationToken)
    {
        var byId = (await store.Artifacts.GetAsync(idOrName, cancellationToken))?.Value;
        return byId?.Project == project ? byId : await store.NewestArtifactAsync(project, idOrName, cancellationToken);
    }

    private static IResult NoArtifact(string project, string artifact) => ApiProblems.NotFound($"project '{project}' has no artifact '{artifact}'");
}
