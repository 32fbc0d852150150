using System.Globalization;
using Microsoft.Extensions.Localization;
using Relais.Messaging;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>The composer's words in the reader's language: its errors and the segment's size.</summary>
public static class ComposerText
{
    public static string Of(IStringLocalizer localizer, ComposerError error) =>
        localizer[error.Key, [.. error.Arguments.Select(a => a is ComposerMessages.French or ComposerMessages.English ? localizer[(string)a].Value : a)]];

    public static string SegmentSize(IStringLocalizer localizer, int count) =>
        localizer["This segment holds {0} supporters now.", count.ToString("N0", CultureInfo.CurrentCulture)];
}
