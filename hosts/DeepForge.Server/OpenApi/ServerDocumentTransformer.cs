using DeepForge.Runner.Protocol;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DeepForge.Server.OpenApi;

/// <summary>Names the API and the runner protocol version, and declares the worker token scheme.</summary>
internal sealed class ServerDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string WorkerTokenScheme = "workerToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "DeepForge API";
        document.Info.Version = "v1";
        document.Info.Description =
            $"Projects, pipelines, executions, artifacts, and the runner protocol (version {RunnerProtocol.Version}) by which workers lease jobs. " +
            $"Every runner-protocol request sends the header {RunnerProtocol.VersionHeader}: {RunnerProtocol.Version} and a worker token as 'Authorization: Bearer <token>'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[WorkerTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "A worker token, made with 'deepforge token create --worker'.",
        };
        return Task.CompletedTask;
    }
}
