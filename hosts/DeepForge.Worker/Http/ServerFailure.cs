using System.Net;
using DeepForge.Client;

namespace DeepForge.Worker.Http;

/// <summary>A failed request in a worker's words: a refused token says where a worker token comes from.</summary>
internal static class ServerFailure
{
    public static string Describe(DeepForgeApiException error) => error.Status switch
    {
        HttpStatusCode.Unauthorized => $"{error.Request}: the server refused this worker's token (401){Detail(error)}; give the worker a token from 'deepforge token create --worker'",
        HttpStatusCode.Forbidden => $"{error.Request}: the server refused this worker (403){Detail(error)}",
        _ => error.Message,
    };

    /// <summary>Anything else that goes wrong asking for work (a body the worker cannot read) is waited out as an outage: the worker lives on.</summary>
    public static DeepForgeApiException AsTransient(Exception error, string what) =>
        error as DeepForgeApiException ?? new DeepForgeApiException(what, $"{what}: {error.Message}", null, null, transient: true, error);

    private static string Detail(DeepForgeApiException error) => error.Problem == null ? "" : ": " + error.Problem;
}
