using Blazor.Diagrams.Core.Geometry;
using Bunit;
using DeepForge.Designer.Collaboration;
using DeepForge.Designer.Runs;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Radzen;

namespace DeepForge.Designer.Tests;

/// <summary>
/// A real engine for bunit tests, without a web server: SQLite in a fresh temp folder, removed on dispose, and the
/// seeds asked for. With <c>executions</c> it has the server's background executions, as the designer runs beside
/// them, but runs jobs in this process (<see cref="InProcessJobs"/>): the pages are under test, not the runner protocol.
/// </summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _executions;
    private ProjectEdits? _edits;

    /// <param name="plugin">An assembly to load as a plugin, named "test-plugin".</param>
    public TestEngine(TestSeeds seeds = TestSeeds.Shipped, bool torch = false, System.Reflection.Assembly? plugin = null, bool executions = false)
    {
        Directory = TestFolders.NewDirectory();
        _executions = executions;
        var services = new ServiceCollection();
        if (executions)
        {
            services.AddLogging();
            InProcessJobs.Use(services, s => s.AddDeepForgeServer(o => (o.Host, o.Port) = ("127.0.0.1", 0)));
            services.AddSingleton<ExecutionStarter>();
        }
        services.AddDeepForge(df =>
        {
            df.UseFolder(Directory, seeds, torch).AddCompilation();
            if (plugin != null) df.AddPlugin(plugin, "test-plugin");
        });
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<DeepForgeEngine>();
    }

    public string Directory { get; }

    public DeepForgeEngine Engine { get; }

    /// <summary>The designer's edit path on this engine, made on first use.</summary>
    public ProjectEdits Edits => _edits ??= new ProjectEdits(Engine,
        new ProjectEditHub(_services.GetRequiredService<DeepForge.Storage.IChangeFeed>(), _services.GetRequiredService<DeepForge.Storage.DeepForgeStore>()));

    /// <summary>Starts executions as the designer does; only on an engine made with <c>executions</c>.</summary>
    public ExecutionStarter Starter => _services.GetRequiredService<ExecutionStarter>();

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// A bunit context whose pages get this engine as the designer registers it (the engine, its edit path, and the
    /// starter on an engine with executions), with Radzen's services; JS calls not set up answer nothing.
    /// </summary>
    public BunitContext NewBunitContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddRadzenComponents();
        context.Services.AddSingleton(Engine);
        context.Services.AddSingleton(Edits);
        context.Services.AddScoped<DeepForge.Designer.Undo.EditHistories>();
        // The operation editor's completion, hover and signature help, as the designer registers it.
        context.Services.AddSingleton<DeepForge.Designer.OperationEditor.Assist.CodeAssistant>();
        // The store's change feed, by which the pages redraw.
        context.Services.AddSingleton(_services.GetRequiredService<DeepForge.Storage.IChangeFeed>());
        // The artifacts and execution pages offer a model's exports (ONNX, PyTorch) through it.
        context.Services.AddSingleton(_services.GetRequiredService<DeepForge.Export.ExportService>());
        // As the designer registers it, with an admin signed in (bunit's stand-in for the circuit's sign-in).
        context.Services.AddScoped<DeepForge.Designer.Access.DesignerAccess>();
        var signedIn = context.AddAuthorization();
        signedIn.SetAuthorized("admin");
        signedIn.SetRoles("admin");
        if (_executions)
        {
            context.Services.AddSingleton(Starter);
            // The execution pages draw a pipeline and charts; bunit has no layout, so they get what a browser would
            // measure: the diagram's canvas and each chart's size.
            context.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 300));
            context.JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 260 });
        }
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        // Stops runs still going in the background (a test that failed half-way) before their store goes.
        if (_executions)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(timeout.Token);
        }
        await _services.DisposeAsync();
        TestFolders.Release(Directory);
    }
}
