using DeepForge.Identity;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// What <c>deepforge start</c> says about signing in: on an empty store it makes the admin (without a password: the
/// one-time address signs them in), and every start prints a one-time sign-in address for the first admin.
/// </summary>
internal static class SignInAtStart
{
    public const string FirstAdmin = "admin";

    public static async Task<string> PrepareAsync(People people, SignInTokens tokens, string url, CancellationToken cancellationToken)
    {
        var all = await people.ListAsync(cancellationToken);
        var admin = all.Where(p => p.Role == PersonRole.Admin).OrderBy(p => p.CreatedAt).FirstOrDefault();
        if (admin == null)
        {
            People.CheckName(FirstAdmin);
            admin = await people.AddWithoutPasswordAsync(FirstAdmin, PersonRole.Admin, cancellationToken);
            Console.Error.WriteLine($"Made the admin '{admin.Name}' (this server had nobody yet). Open the address below to sign in as them;");
            Console.Error.WriteLine($"give them a password with 'deepforge users reset-password {admin.Name}', and add people with 'deepforge users add NAME --role editor'.");
        }
        var token = await tokens.CreateAsync(admin.Name, null, cancellationToken);
        return $"{url}/?token={token}";
    }
}
