using System.Text.Json;
using DeepForge.Data;
using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Api;

/// <summary>
/// Reads a JSON request body strictly: a required property that is missing or null is an error, and
/// malformed JSON is a 400 that names the field or the position, never a 500.
/// </summary>
internal static class RequestJson
{
    private static readonly JsonSerializerOptions Strict = new(Json.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Strict, cancellationToken);
            return value == null ? (null, ApiProblems.BadRequest("the request body is null: send a JSON object")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest($"the request body is refused: {JsonErrors.Describe(e)}"));
        }
    }
}
