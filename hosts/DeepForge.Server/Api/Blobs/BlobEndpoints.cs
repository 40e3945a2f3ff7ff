using DeepForge.Blobs;
using DeepForge.Hosting;
using DeepForge.Server.Dispatch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DeepForge.Server.Api.Blobs;

/// <summary>/api/v1/blobs/{sha256}: content-addressed data for workers, streamed both ways; an upload is checked against its hash as it arrives.</summary>
internal static class BlobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/blobs/{hash}");
        group.MapGet("/", DownloadAsync).RunnerProtocol().WithSummary("A blob's bytes; Range requests get 206")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Produces(StatusCodes.Status206PartialContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // a damaged blob: moved aside, upload it again
        group.MapMethods("/", [HttpMethods.Head], HeadAsync).RunnerProtocol().WithSummary("Whether a blob exists, and its size")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        group.MapPut("/", UploadAsync).RunnerProtocol().WithSummary("Store a blob; refused with 400, and nothing kept, when the content does not match the hash")
            .Accepts<Stream>("application/octet-stream").Produces<BlobInfo>(StatusCodes.Status201Created).Produces<BlobInfo>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status507InsufficientStorage);
    }

    private static async Task<IResult> DownloadAsync(string hash, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!BlobHash.IsValid(hash)) return NotAHash(hash);
        if (!await blobs.ExistsAsync(hash, cancellationToken)) return NoBlob(hash);
        return Results.Stream(await blobs.OpenReadAsync(hash, cancellationToken), "application/octet-stream", entityTag: new EntityTagHeaderValue($"\"{hash}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> HeadAsync(string hash, IBlobStore blobs, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!BlobHash.IsValid(hash)) return Results.BadRequest();
        if (await blobs.SizeOfAsync(hash, cancellationToken) is not { } size) return Results.NotFound();
        response.ContentLength = size;
        response.Headers.AcceptRanges = "bytes";
        return Results.Empty;
    }

    private static async Task<IResult> UploadAsync(string hash, HttpContext http, IBlobStore blobs, IOptions<DeepForgeServerOptions> options, IOptions<DeepForgeOptions> deepForge, CancellationToken cancellationToken)
    {
        if (!BlobHash.IsValid(hash)) return NotAHash(hash);
        Uploads.AllowBody(http, options.Value);
        var existed = await blobs.ExistsAsync(hash, cancellationToken);
        try
        {
            var blob = await blobs.PutAsync(http.Request.Body, hash, cancellationToken);
            return existed ? Results.Ok(blob) : Results.Created($"/api/v1/blobs/{hash}", blob);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            // Not a 500: a worker retries those as a server restarting; no space stays until a person frees some.
            return ApiProblems.Create(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
                $"blob {hash} was not stored: the server's blob folder {deepForge.Value.ResolvedBlobDirectory} has no space left ({e.Message}); free space there or point blob.dir at a larger disk");
        }
    }

    private static IResult NotAHash(string hash) => ApiProblems.BadRequest($"'{(hash.Length > 80 ? hash[..80] + "..." : hash)}' is not a blob hash: use the sha256 of the content as 64 lowercase hex digits");

    private static IResult NoBlob(string hash) => ApiProblems.NotFound($"there is no blob {hash}");
}
