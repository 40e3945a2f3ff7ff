using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Api.Versions;

/// <summary>
/// What a write asks of the stored version, from its headers: <c>If-Match: "n"</c> replaces version n only;
/// <c>If-None-Match: *</c> creates only; neither creates, and is refused (428) where a document exists.
/// </summary>
internal sealed record WriteCondition(long ExpectedVersion, bool Stated)
{
    /// <summary>No header: the writer did not say which version it replaces.</summary>
    public bool Unstated => !Stated;

    public static (WriteCondition? Condition, IResult? Problem) Read(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifMatch.Length > 0 && ifNoneMatch.Length > 0)
            return (null, Bad("send If-Match (replace the version you read) or If-None-Match: * (create only), not both"));
        if (ifNoneMatch.Length > 0)
            return ifNoneMatch.Trim() == "*" ? (new WriteCondition(0, true), null)
                : (null, Bad($"If-None-Match '{ifNoneMatch}' is not understood on a write: send If-None-Match: * to create only, or If-Match with the ETag you read to replace"));
        if (ifMatch.Length == 0) return (new WriteCondition(0, false), null);
        if (ETags.TryParse(ifMatch, out var version)) return (new WriteCondition(version, true), null);
        return (null, Bad($"If-Match '{ifMatch}' is not a version this server gave: send the ETag header of the GET you read the document with, as it is (for example If-Match: \"7\")"));
    }

    private static IResult Bad(string detail) => ApiProblems.BadRequest(detail);
}
