using Bunit;
using DeepForge.Designer.Extensions;
using DeepForge.Extensions;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;

namespace DeepForge.Designer.Tests.Extensions;

/// <summary>
/// The extensions page on the extension library's <see cref="IExtensionManager"/> (registered with AddDeepForgeExtensions, as <c>deepforge start</c>
/// registers it), installing the template extension from its .nupkg into the server's data folder.
/// </summary>
public sealed class ExtensionsPageTests(AcmeExtension acme) : IClassFixture<AcmeExtension>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _data = TestFolders.NewDirectory();
    private DesignerTestServer? _server;
    private BunitContext? _context;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_context != null) await _context.DisposeAsync();
        if (_server != null) await _server.DisposeAsync();
        TestFolders.Delete(_data);
    }

    /// <summary>Starts the server as deepforge start does: installed extensions loaded, the command's manager registered.</summary>
    private async Task<BunitContext> StartAsync()
    {
        _server = await DesignerTestServer.StartAsync(new() { Directory = _data, Engine = df => df.AddInstalledExtensions(_data), Services = s => s.AddDeepForgeExtensions(o => (o.DataDirectory, o.PackageSettingsDirectory) = (_data, acme.ServerFolder)) });
        _context = _server.NewBunitContext();
        // The page asks its own provider whether there is a manager; bunit's fallback provider does not answer that.
        _context.Services.AddSingleton(_server.Services.GetRequiredService<IExtensionManager>());
        return _context;
    }

    // As `deepforge extensions add <file.nupkg>` does before the server starts.
    /// <summary>Opens the page, presses Remove on AcmeExt and confirms in the dialog, as a user would.</summary>
    private static IRenderedComponent<ExtensionsPage> RemoveAcmeConfirmed(BunitContext context)
    {
        var dialogs = context.Render<RadzenDialog>();
        var page = context.Render<ExtensionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-extension-remove")), Wait);
        page.Find(".df-extension-remove").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove AcmeExt 1.0.0?", dialogs.Markup), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Remove")).Click();
        return page;
    }

    private async Task InstallBeforeStartAsync()
    {
        await using var services = new ServiceCollection().AddDeepForgeExtensions(o => o.DataDirectory = _data).BuildServiceProvider();
        await services.GetRequiredService<IExtensionInstaller>().AddAsync(acme.Package, [], TextWriter.Null, CancellationToken.None);
    }

    [Fact]
    public async Task Lists_an_installed_extension_with_its_operations_layers_data_types_and_seeds()
    {
        await InstallBeforeStartAsync();
        var context = await StartAsync();

        var page = context.Render<ExtensionsPage>();

        page.WaitForAssertion(() =>
        {
            var row = page.Find(".df-extensions tbody tr");
            Assert.Contains("AcmeExt", row.QuerySelector(".df-extension-id")!.TextContent);
            Assert.Contains("1.0.0", row.TextContent);
            Assert.Contains(AcmeExtension.Operation, row.QuerySelector(".df-extension-operations")!.TextContent);
            Assert.Contains("AcmeExtLayer", row.QuerySelector(".df-extension-layers")!.TextContent);
            Assert.Contains("AcmeExtData", row.QuerySelector(".df-extension-types")!.TextContent);
            Assert.Contains(AcmeExtension.Seed, row.QuerySelector(".df-extension-seeds")!.TextContent);
            Assert.Contains(acme.Package, row.TextContent);
            Assert.Empty(row.QuerySelectorAll(".df-extension-pending")); // installed before the start: loaded
        }, Wait);
    }

    [Fact]
    public async Task Installing_a_package_from_the_servers_sources_lists_it_and_says_to_restart_the_server()
    {
        var context = await StartAsync();
        var page = context.Render<ExtensionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-extensions")), Wait);

        page.Find(".df-extension-package").Change(AcmeExtension.Id + "@1.0.0");
        page.Find(".df-extension-add").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Installed AcmeExt 1.0.0. Restart the server to load it.", page.Find(".df-extension-done").TextContent);
            Assert.Contains("loads at the next start", page.Find(".df-extensions tbody tr").TextContent);
        }, Wait);
        Assert.Contains(ExtensionManifest.Read(_data), e => e.Id == AcmeExtension.Id);
    }

    [Fact]
    public async Task Installing_a_package_no_source_has_shows_the_installer_message_and_installs_nothing()
    {
        var context = await StartAsync();
        var page = context.Render<ExtensionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-extensions")), Wait);
        var id = "DeepForge.NoSuchExtension" + Guid.NewGuid().ToString("n")[..8];

        page.Find(".df-extension-package").Change(id);
        page.Find(".df-extension-add").Click();

        page.WaitForAssertion(() =>
        {
            var problem = page.Find(".df-extension-problem").TextContent;
            Assert.Contains($"there is no package {id} in the package sources searched", problem);
            Assert.Contains(acme.Feed, problem);
        }, Wait);
        Assert.NotNull(page.Find(".df-no-extensions"));
        Assert.Empty(ExtensionManifest.Read(_data));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("AcmeExt@../../x")]
    [InlineData("/tmp")]
    public async Task Installing_anything_but_a_package_id_is_refused_and_writes_nothing(string package)
    {
        var context = await StartAsync();
        var page = context.Render<ExtensionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-extensions")), Wait);

        page.Find(".df-extension-package").Change(package);
        page.Find(".df-extension-add").Click();

        page.WaitForAssertion(() => Assert.Contains("is not a package", page.Find(".df-extension-problem").TextContent), Wait);
        Assert.False(Directory.Exists(Path.Combine(_data, "extensions")));
        Assert.Empty(ExtensionManifest.Read(_data));
    }

    [Fact]
    public async Task Installing_a_package_file_on_the_server_is_refused()
    {
        var context = await StartAsync();
        var page = context.Render<ExtensionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-extensions")), Wait);

        page.Find(".df-extension-package").Change(acme.Package);
        page.Find(".df-extension-add").Click();

        page.WaitForAssertion(() => Assert.Contains("is not a package id", page.Find(".df-extension-problem").TextContent), Wait);
        Assert.Empty(ExtensionManifest.Read(_data));
        Assert.Empty(page.FindAll(".df-extension-source"));
    }

    [Fact]
    public async Task Removing_is_refused_naming_the_project_and_operations_while_a_project_uses_them()
    {
        await InstallBeforeStartAsync();
        var context = await StartAsync();
        await _server!.Engine.Projects.CreateAsync("acme-project", AcmeExtension.Seed);
        var page = RemoveAcmeConfirmed(context);


        page.WaitForAssertion(() =>
        {
            var problem = page.Find(".df-extension-problem").TextContent;
            Assert.Contains("project acme-project uses its operations AcmeExtOperation (pipelines demo)", problem);
        }, Wait);
        Assert.Contains(ExtensionManifest.Read(_data), e => e.Id == AcmeExtension.Id);
        Assert.NotNull(page.Find(".df-extensions tbody tr"));
    }

    [Fact]
    public async Task Removing_an_extension_no_project_uses_removes_it()
    {
        await InstallBeforeStartAsync();
        var context = await StartAsync();
        var page = RemoveAcmeConfirmed(context);


        page.WaitForAssertion(() =>
        {
            Assert.Contains("Removed AcmeExt 1.0.0. Restart the server to unload it.", page.Find(".df-extension-done").TextContent);
            Assert.NotNull(page.Find(".df-no-extensions"));
        }, Wait);
        Assert.Empty(ExtensionManifest.Read(_data));
        Assert.False(Directory.Exists(Path.Combine(_data, "extensions", AcmeExtension.Id)));
    }

    [Fact]
    public async Task Project_code_still_compiles_after_a_loaded_extension_is_removed()
    {
        await InstallBeforeStartAsync();
        var context = await StartAsync();
        Assert.Contains(_server!.Engine.Projects.Seeds, s => s.Name == AcmeExtension.Seed); // loaded
        var page = RemoveAcmeConfirmed(context);
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-extension-done")), Wait);

        // Its assemblies stay loaded until the restart, but their files are gone: compiling must not need them.
        await _server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        Assert.Contains(await _server.Engine.Projects.OperationsAsync("fm"), o => o.Name == "LoadFashionMnist");
    }

    [Fact]
    public async Task Says_the_server_cannot_install_extensions_without_the_commands_manager()
    {
        _server = await DesignerTestServer.StartAsync(new() { Directory = _data });
        _context = _server.NewBunitContext();

        var page = _context.Render<ExtensionsPage>();

        page.WaitForAssertion(() => Assert.Contains("This server cannot install extensions", page.Find(".df-no-extension-manager").TextContent), Wait);
        Assert.Empty(page.FindAll(".df-extension-add"));
    }
}
