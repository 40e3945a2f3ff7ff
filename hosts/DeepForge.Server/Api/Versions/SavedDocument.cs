using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DeepForge.Server.Api.Versions;

/// <summary>
/// The answer to a write that was stored: the document as stored, its version as the ETag, and a <c>problems</c>
/// array of what would stop it from running (empty when nothing would). Work in progress is stored anyway;
/// the problems say what is left, as the designer does while editing.
/// </summary>
internal static class SavedDocument
{
    public static IResult Answer<T>(HttpContext http, T document, long version, IReadOnlyList<Problem> problems)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToNode(document, options)!.AsObject();
        body["problems"] = JsonSerializer.SerializeToNode(problems, options);
        ETags.Set(http.Response, version);
        return Results.Json(body, options);
    }
}
