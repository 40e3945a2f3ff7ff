using DeepForge.Designer.Collaboration;
using DeepForge.Models;
using DeepForge.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.SignIn;

/// <summary>
/// The designer's edit path checks the role of the person signed in to the circuit, by the rule the REST API uses:
/// each test signs a person in to a scope of the real server as Blazor does for a circuit.
/// </summary>
public sealed class ProjectEditsRoleTests : IAsyncLifetime
{
    private DesignerTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await DesignerTestServer.StartAsync(new() { Torch = false, Seeds = TestSeeds.None });
        await _server.Engine.Projects.SaveAsync(new ProjectDefinition { Name = "p", Description = "as made" });
        var access = _server.Services.GetRequiredService<ProjectAccess>();
        await access.SetOwnerAsync("p", "olive", default);
        await access.ShareAsync("p", "vic", PersonRole.Viewer, default);
        await access.ShareAsync("p", "eddie", PersonRole.Editor, default);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Edit_IsRefusedAndNothingStored_WhenThePersonIsAViewerOfTheProject()
    {
        using var circuit = SignedIn("vic", PersonRole.Editor);

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => EditAsync(circuit));

        Assert.Contains("you are a viewer of project 'p'", refused.Message);
        Assert.Equal("as made", (await _server.Engine.Projects.GetAsync("p")).Description);
    }

    [Fact]
    public async Task Edit_IsRefusedAsNotFound_WhenThePersonHasNoPartInTheProject()
    {
        using var circuit = SignedIn("stranger", PersonRole.Editor);

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => EditAsync(circuit));

        Assert.Contains("there is no project 'p'", refused.Message);
        Assert.Equal("as made", (await _server.Engine.Projects.GetAsync("p")).Description);
    }

    [Fact]
    public async Task Edit_IsStored_WhenThePersonIsAnEditorOfTheProject()
    {
        using var circuit = SignedIn("eddie", PersonRole.Editor);

        await EditAsync(circuit);

        Assert.Equal("edited", (await _server.Engine.Projects.GetAsync("p")).Description);
    }

    private static Task EditAsync(IServiceScope circuit) =>
        circuit.ServiceProvider.GetRequiredService<ProjectEdits>().ApplyAsync("p", "page", project =>
        {
            project.Description = "edited";
            return true;
        });

    private IServiceScope SignedIn(string person, PersonRole role)
    {
        var scope = _server.Services.CreateScope();
        var user = SignedInPerson.Principal(person, role, SignedInPerson.AuthenticationType);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return scope;
    }
}
