using DeepForge.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Api;

/// <summary>Turns errors into problem details: DeepForge's own errors (bad input, named) are 400; a damaged blob is 409; a store that cannot be reached is 503; anything else is logged and is a 500 that says where to look.</summary>
internal sealed class ApiErrorFilter(ILogger<ApiErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (DeepForgeException e)
        {
            return ApiProblems.FromException(e);
        }
        catch (DeepForge.Blobs.BlobDamagedException e)
        {
            // Not a 5xx: retrying cannot help until the data is uploaded again, and workers retry 5xx answers.
            DeepForge.Server.Blobs.BlobLog.Damaged(logger, http.Request.Method, http.Request.Path, e.Message);
            return ApiProblems.Create(StatusCodes.Status409Conflict, "Blob damaged", e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own words name neither the setting nor what to do.
            var limit = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "Upload too large",
                $"{http.Request.Method} {http.Request.Path}: the upload is larger than this server takes{(limit is { } l ? $" ({l} bytes)" : "")}, "
                + "its server.maxUploadBytes setting: upload less, or ask the server's admin to raise it");
        }
        catch (BadHttpRequestException e)
        {
            return ApiProblems.Create(e.StatusCode, "Bad request", e.Message);
        }
        catch (DeepForge.Storage.DocumentStoreUnavailableException e)
        {
            // 503, which clients and workers retry: the database may be back in a moment. Its name stays in the log.
            ServerLog.RequestFailed(logger, http.Request.Method, http.Request.Path, e);
            return ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, "Store unavailable",
                $"{http.Request.Method} {http.Request.Path}: the server's store is unavailable; try again later (the server log says why)");
        }
        catch (IOException e) when (Blobs.DiskFull.Is(e))
        {
            // Not a 500, which clients retry as a server restarting: no space stays until a person frees some.
            ServerLog.RequestFailed(logger, http.Request.Method, http.Request.Path, e);
            return ApiProblems.Create(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
                $"{http.Request.Method} {http.Request.Path}: the server's disk is full ({e.Message}); free space on it and try again");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw; // the client went away: nobody reads an answer
        }
        catch (Exception e)
        {
            ServerLog.RequestFailed(logger, http.Request.Method, http.Request.Path, e);
            return ApiProblems.Create(StatusCodes.Status500InternalServerError, "Internal server error",
                $"{http.Request.Method} {http.Request.Path} failed on the server ({e.GetType().Name}); the server log has the details");
        }
    }
}
