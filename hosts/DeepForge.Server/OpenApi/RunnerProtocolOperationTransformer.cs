using DeepForge.Runner.Protocol;
using DeepForge.Server.Dispatch;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DeepForge.Server.OpenApi;

/// <summary>Documents on each runner-protocol operation the version header it must send and the worker token it needs.</summary>
internal sealed class RunnerProtocolOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<RunnerProtocolEndpoint>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RunnerProtocol.VersionHeader, In = ParameterLocation.Header, Required = true,
            Description = $"The runner protocol version the worker speaks; this server speaks {RunnerProtocol.Version}. Missing or other: 400.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create(RunnerProtocol.Version.ToString())] },
        });
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ServerDocumentTransformer.WorkerTokenScheme, context.Document)] = [],
        });
        return Task.CompletedTask;
    }
}
