using DeepForge.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DeepForge.Server.Api;

/// <summary>Uploads (blobs, artifacts) stream to disk, so they are not held to Kestrel's 30 MB default body limit.</summary>
internal static class Uploads
{
    public static void AllowBody(HttpContext http, DeepForgeServerOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxUploadBytes;
    }
}
