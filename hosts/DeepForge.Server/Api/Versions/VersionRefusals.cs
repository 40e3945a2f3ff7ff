using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Api.Versions;

/// <summary>
/// The answers to a write whose version did not hold: 428 when the writer sent no version for a document that exists,
/// 412 when the version it sent is not the stored one. Both carry <c>currentVersion</c> (0: no such document).
/// </summary>
internal static class VersionRefusals
{
    /// <summary>The refusal for a write of <paramref name="what"/> under <paramref name="condition"/> when the stored version is <paramref name="current"/>.</summary>
    public static IResult For(string what, string get, WriteCondition condition, long current)
    {
        if (condition.Unstated)
            return Required($"{what} exists (version {current}), and a write to it must say which version it replaces: send If-Match with the ETag of the GET {get} your change is based on");
        if (condition.ExpectedVersion == 0)
            return Failed($"{what} exists already (version {current}) and If-None-Match: * creates only", current);
        if (current == 0)
            return Failed($"{what} no longer exists (If-Match asked for version {condition.ExpectedVersion})", current);
        return Failed($"{what} was changed by someone else after version {condition.ExpectedVersion} (it is at version {current} now): GET {get} again, apply your change to that and send it with If-Match: {ETags.Of(current)}", current);
    }

    public static IResult Required(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required");

    public static IResult Failed(string detail, long current) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = current });
}
