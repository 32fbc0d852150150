namespace Relais.Web;

/// <summary>
/// Anchor of the shared string table. Keys are the English text; Resources/SharedResource.fr.resx
/// holds the French, and a test checks that every key used has its translation.
/// </summary>
public sealed class SharedResource;
