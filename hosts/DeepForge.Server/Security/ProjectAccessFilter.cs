using DeepForge.Server.Api;
using DeepForge.Server.Dispatch;
using DeepForge.Identity;
using DeepForge.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Security;

/// <summary>
/// Every API request's role check, before the endpoint reads anything: reading needs a viewer, changing an editor
/// (or the role the endpoint declares with <see cref="RequiresRole"/>); a request naming a project (directly or by
/// an execution) needs that role in the project, and for a project the person may not see the answer is the same
/// 404 as for one that does not exist, so names do not leak.
/// </summary>
internal sealed class ProjectAccessFilter(ProjectAccess access, DeepForgeStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<RunnerProtocolEndpoint>() != null || metadata?.GetMetadata<IAllowAnonymous>() != null) return await next(context);
        if (SignedInPerson.Of(http.User) is not { } person) return ApiProblems.Unauthorized(AuthProblems.SignInHint(http.Request));
        var needed = metadata?.GetMetadata<RequiresRole>()?.Role ?? (IsRead(http.Request.Method) ? PersonRole.Viewer : PersonRole.Editor);
        if (!person.Can(needed)) return Forbidden();
        var (project, notFound) = await ProjectOfAsync(http, http.RequestAborted);
        if (project == null) return notFound ?? await next(context);
        var role = await access.RoleOfAsync(http.User, project, http.RequestAborted);
        // A project that does not exist yet is the endpoint's business (PUT makes one); one that exists and is not theirs is not found.
        if (role == null) return await store.Projects.GetAsync(project, http.RequestAborted) == null && notFound == null ? await next(context) : notFound ?? NoProject(project);
        return role >= needed ? await next(context) : Forbidden();
    }

    private async Task<(string? Project, IResult? NotFound)> ProjectOfAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var values = http.Request.RouteValues;
        if (values.TryGetValue("project", out var project) && project is string name) return (name, null);
        if (!values.TryGetValue("execution", out var execution) || execution is not string id) return (null, null);
        var found = (await store.Executions.GetAsync(id, cancellationToken))?.Value;
        var missing = ApiProblems.NotFound($"there is no execution '{id}'");
        return found == null ? (null, missing) : (found.Project, missing);
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    private static IResult Forbidden() => ApiProblems.Create(StatusCodes.Status403Forbidden, "Forbidden", AuthProblems.Forbidden);

    private static IResult NoProject(string project) => ApiProblems.NotFound($"there is no project '{project}'");
}
