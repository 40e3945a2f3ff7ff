using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Dispatch;

/// <summary>Marks an endpoint as part of the runner protocol: version header and worker token required (checked by <see cref="RunnerAuthFilter"/>, not by people's sign-in).</summary>
internal static class RunnerProtocolExtensions
{
    public static RouteHandlerBuilder RunnerProtocol(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<RunnerAuthFilter>().WithMetadata(new RunnerProtocolEndpoint()).AllowAnonymous().WithTags("Runner protocol")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
}
