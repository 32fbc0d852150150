using Relais.Messaging;

namespace Relais.Web.Sharing;

/// <summary>
/// What a page tells the sites that preview its links (Open Graph, Twitter cards). A page sets the
/// ViewData keys below; the layout's _LinkPreview partial fills the rest with the site's defaults.
/// Addresses are made absolute from Relais:PublicUrl, never from the request's Host header.
/// </summary>
public static class LinkPreview
{
    /// <summary>ViewData["Title"] and ViewData["Description"] also serve the page's title and description.</summary>
    public const string Title = "Title";
    public const string Description = "Description";

    /// <summary>The title to preview when it is not the page's own.</summary>
    public const string PreviewTitle = "OgTitle";

    /// <summary>A path (/images/{id}) or an absolute address; the site's picture when unset.</summary>
    public const string Image = "Image";
    public const string ImageAlt = "ImageAlt";

    /// <summary>The address to preview when it is not the page's own (a thank-you page previews its campaign).</summary>
    public const string Url = "Canonical";

    /// <summary>"website" by default; "article" for a campaign.</summary>
    public const string Type = "OgType";

    public const string DefaultImage = "/img/share.png";
    public const int DefaultImageWidth = 1200;
    public const int DefaultImageHeight = 630;

    public static string Absolute(PublicUrlOptions url, string pathOrUrl) =>
        pathOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || pathOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? pathOrUrl
            : url.Link(pathOrUrl.StartsWith('/') ? pathOrUrl : "/" + pathOrUrl);
}
