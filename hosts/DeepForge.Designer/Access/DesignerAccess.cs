using DeepForge.Server.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Access;

/// <summary>
/// Who is using this circuit, for what the pages offer: viewers get no Execute, Resume, Cancel or re-run. The server
/// lets nobody open the designer without signing in; where no sign-in is known at all (a page rendered outside a
/// circuit, as in component tests, or a host without the server's sign-in) everything is offered.
/// </summary>
internal sealed class DesignerAccess(IServiceProvider services)
{
    public async Task<SignedInPerson?> PersonAsync()
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } provider) return null;
        try
        {
            return SignedInPerson.Of((await provider.GetAuthenticationStateAsync()).User);
        }
        catch (InvalidOperationException)
        {
            return null; // no circuit: nobody signed in through it
        }
    }

    /// <summary>Whether the person may start, cancel and resume runs and edit (editors and admins).</summary>
    public async Task<bool> CanEditAsync() => await PersonAsync() is not { } person || person.Can(PersonRole.Editor);
}
