using DeepForge.Designer.Access;
using DeepForge.Designer.Collaboration;
using DeepForge.Designer.Layout;
using DeepForge.Designer.Runs;
using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Radzen;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers and maps the DeepForge designer, the browser UI of the server.</summary>
public static class DeepForgeDesignerExtensions
{
    private const string MappedKey = "DeepForge.Designer.Mapped";

    /// <summary>Adds the designer's services: Blazor interactive server components and Radzen. Safe to call twice.</summary>
    public static IServiceCollection AddDeepForgeDesigner(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(DesignerMarker))) return services;
        services.AddSingleton<DesignerMarker>();
        // The editors read operations from source as they are typed, and compile the project's code.
        services.AddDeepForgeCompilation();
        // The designer's own services for what the REST API does too: runs in the background, people and project access.
        services.AddDeepForgeBackgroundExecutions();
        // The schedule panel reads and changes schedules; the server that hosts the designer fires them.
        services.AddDeepForgeScheduler();
        services.AddDeepForgeIdentity();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddSingleton<ProjectEditHub>();
        services.AddScoped<ProjectEdits>();
        // Who has which project open: a registry per server, fed by each circuit's handler (it hears the connection drop).
        services.AddSingleton<ProjectPresence>();
        services.AddScoped<PresenceCircuit>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(s => s.GetRequiredService<PresenceCircuit>());
        services.AddScoped<DeepForge.Designer.Undo.EditHistories>();
        services.AddSingleton<ExecutionStarter>();
        // One warm Roslyn workspace per project for the operation editor's completion, hover and signature help.
        services.AddSingleton<DeepForge.Designer.OperationEditor.Assist.CodeAssistant>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<DesignerAccess>();
        return services;
    }

    /// <summary>
    /// Serves the designer at "/" with its static assets (its own and its packages', under _content/). Needs
    /// <c>AddDeepForgeDesigner</c>; safe to call twice. The REST API is not affected: antiforgery checks only
    /// requests to endpoints that ask for it, which the API's do not.
    /// </summary>
    public static WebApplication MapDeepForgeDesigner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.ContainsKey(MappedKey)) return app;
        if (app.Services.GetService<DesignerMarker>() == null)
            throw new InvalidOperationException("MapDeepForgeDesigner needs the designer's services: call services.AddDeepForgeDesigner() before building the app");
        properties[MappedKey] = true;
        // Static files only answer requests no endpoint matched, so the API's routes always win.
        var assets = Path.Combine(AppContext.BaseDirectory, "designer-assets");
        if (Directory.Exists(assets)) app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets) });
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private sealed class DesignerMarker;
}
