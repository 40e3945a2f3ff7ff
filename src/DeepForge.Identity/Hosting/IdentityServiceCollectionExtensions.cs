using DeepForge.Hosting;
using DeepForge.Identity;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers DeepForge's people, tokens and project access.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="People"/>, <see cref="AccessTokens"/>, <see cref="SignInTokens"/>, <see cref="ProjectAccess"/> and
    /// <see cref="ProjectSharing"/>, kept in DeepForge's store (call <c>AddDeepForge</c> with a store as well). The server
    /// and the designer both call it, so either may be hosted alone; safe to call twice.
    /// </summary>
    public static IServiceCollection AddDeepForgeIdentity(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new People(sp.GetRequiredService<DeepForgeStore>().Documents));
        services.TryAddSingleton(sp => new AccessTokens(sp.GetRequiredService<DeepForgeStore>().Documents, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SignInTokens(sp.GetRequiredService<DeepForgeStore>().Documents, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ProjectAccess(sp.GetRequiredService<DeepForgeStore>().Documents));
        services.TryAddSingleton(sp => new ProjectSharing(sp.GetRequiredService<ProjectAccess>(), sp.GetRequiredService<People>()));
        return services;
    }
}
