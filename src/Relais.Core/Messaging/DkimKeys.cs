using System.Security.Cryptography;

namespace Relais.Messaging;

/// <summary>The organization's DKIM key: checked by importing it, made fresh on request, and published as a DNS TXT record.</summary>
public static class DkimKeys
{
    public const int GeneratedBits = 2048;
    public const int MinBits = 1024;

    /// <summary>A new 2048-bit RSA private key in PKCS#8 PEM.</summary>
    public static string Generate()
    {
        using var rsa = RSA.Create(GeneratedBits);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>Whether <paramref name="pem"/> holds an RSA private key of at least <see cref="MinBits"/> bits.</summary>
    public static bool IsValidPrivateKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || !pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            // A public key imports too, but cannot sign.
            rsa.ExportParameters(includePrivateParameters: true);
            return rsa.KeySize >= MinBits;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The record's name: selector._domainkey.domain.</summary>
    public static string RecordName(string domain, string selector) => $"{selector}._domainkey.{domain}";

    /// <summary>The TXT record's value for the public half of <paramref name="pem"/>.</summary>
    public static string RecordValue(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>What the settings page shows instead of the key: its size and the end of its public half.</summary>
    public static string Describe(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return $"RSA {rsa.KeySize} · SHA-256 {fingerprint}…";
    }
}
