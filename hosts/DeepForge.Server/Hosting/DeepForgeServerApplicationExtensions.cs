using DeepForge.Hosting;
using DeepForge.Server.Api.Artifacts;
using DeepForge.Server.Api.Blobs;
using DeepForge.Server.Api.Executions;
using DeepForge.Server.Api.Health;
using DeepForge.Server.Api.Metrics;
using DeepForge.Server.Api.Schedules;
using DeepForge.Server.Api.Pipelines;
using DeepForge.Server.Api.Projects;
using DeepForge.Server.Api.Runners;
using DeepForge.Server.Api.Status;
using DeepForge.Server.Api;
using DeepForge.Server.Hosting;
using DeepForge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Maps the DeepForge server's endpoints.</summary>
public static class DeepForgeServerApplicationExtensions
{
    private const string MappedKey = "DeepForge.Server.Mapped";

    /// <summary>
    /// Maps the REST API under /api/v1 (projects, pipelines, executions, artifacts, runners, blobs, status), /health,
    /// /ready, the OpenAPI document at /openapi/v1.json and sign-in (/signin, /signout, /api/v1/auth), and puts
    /// every request through the request guard and sign-in: everything but /signin, /health, /ready and the runner
    /// protocol needs a signed-in person. Call it before mapping the designer. Needs <c>AddDeepForgeServer</c>; safe to call twice.
    /// </summary>
    public static WebApplication MapDeepForgeServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.ContainsKey(MappedKey)) return app;
        if (app.Services.GetService<ServerMarker>() == null)
            throw new InvalidOperationException("MapDeepForgeServer needs the server's services: call services.AddDeepForgeServer() before building the app");
        properties[MappedKey] = true;
        ApiStatusPages.Use(app);
        SecurityPipeline.Use(app);
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiErrorFilter>().AddEndpointFilter<ProjectAccessFilter>();
        SignInEndpoints.Map(app, api);
        ProjectEndpoints.Map(api);
        PipelineEndpoints.Map(api);
        ExecutionEndpoints.Map(api);
        ScheduleEndpoints.Map(api);
        MetricEndpoints.Map(api);
        Server.Api.Sweeps.SweepEndpoints.Map(api);
        ArtifactEndpoints.Map(api);
        RunnerEndpoints.Map(api);
        BlobEndpoints.Map(api);
        StatusEndpoints.Map(api);
        HealthEndpoints.Map(app);
        app.MapOpenApi();
        return app;
    }
}
