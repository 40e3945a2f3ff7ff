using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Api;

/// <summary>Error answers as RFC 9457 problem details, each saying what was wrong and where.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string detail, IReadOnlyList<Problem>? problems = null) =>
        Create(StatusCodes.Status400BadRequest, "Bad request", detail, problems);

    public static IResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Create(int status, string title, string detail, IReadOnlyList<Problem>? problems = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title,
            extensions: problems is { Count: > 0 } ? new Dictionary<string, object?> { ["problems"] = problems } : null);

    public static IResult FromException(DeepForgeException e) => BadRequest(e.Message, e.Problems);
}
