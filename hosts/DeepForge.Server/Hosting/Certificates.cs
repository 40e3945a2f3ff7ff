using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeepForge.Hosting;

namespace DeepForge.Server.Hosting;

/// <summary>Loads the HTTPS certificate of <see cref="DeepForgeServerOptions.CertificatePath"/>: PKCS#12, or PEM with its key.</summary>
internal static class Certificates
{
    public static X509Certificate2? Load(DeepForgeServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath)) return null;
        var path = options.CertificatePath;
        try
        {
            if (!string.IsNullOrWhiteSpace(options.CertificateKeyPath) || path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
                return X509Certificate2.CreateFromPemFile(path, options.CertificateKeyPath);
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new DeepForgeException(path, $"the certificate {Path.GetFileName(path)} could not be read ({e.Message.TrimEnd('.')}): give a .pfx file, or a PEM certificate with --cert-key");
        }
    }
}
