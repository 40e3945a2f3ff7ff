using DeepForge.Export;
using DeepForge.Server.Api.Projects;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Api.Artifacts;

/// <summary>
/// GET /api/v1/projects/{project}/artifacts/{artifact}/export?format=onnx|pytorch: a model as a file other programs
/// read, for <c>deepforge artifacts export --server</c> and the designer's download buttons (a plain link, so a GET).
/// </summary>
internal static class ArtifactExportEndpoints
{
    public static void Map(RouteGroupBuilder artifacts)
    {
        artifacts.MapGet("/{artifact}/export", ExportAsync).WithSummary("An artifact written in another format (models: onnx, pytorch), as a download")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest) // unknown format, a type the format does not take, or a layer ONNX cannot express
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // Written in full before the answer starts, so a refusal is a 400 with its reason instead of a cut-off download.
    private static async Task<IResult> ExportAsync(string project, string artifact, string? format, HttpContext http, DeepForgeStore store,
        ExportService exports, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        if (string.IsNullOrWhiteSpace(format))
            return ApiProblems.BadRequest($"the export format is missing: pass ?format= with one of {string.Join(", ", exports.Formats)}");
        if (await exports.FindAsync(project, artifact, cancellationToken) is not { } found)
            return ApiProblems.NotFound($"project '{project}' has no artifact '{artifact}'");
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await exports.ExportAsync(found, format, file, cancellationToken);
            file.Position = 0;
            ExportLog.Exported(loggers.CreateLogger(typeof(ArtifactExportEndpoints)), found.Id, project, format, file.Length, http.User.Identity?.Name);
            return Results.Stream(file, "application/octet-stream", fileDownloadName: exports.FileNameFor(found, format));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
