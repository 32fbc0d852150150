namespace Relais.Web.Embeds;

public static class EmbedMessages
{
    public const string SiteNotAllowed =
        "This site is not allowed to show this petition. The organization can allow it in its settings.";
}
