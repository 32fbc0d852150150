using Microsoft.Extensions.Localization;
using Relais.Segments;
using Relais.Web.Localization;

namespace Relais.Web.Segments;

public static class SegmentMessages
{
    public static string Text(IStringLocalizer localizer, SegmentError error) => localizer[error.Message, error.Args];

    public const string NameRequired = "Give the segment a name.";
    public const string NameTooLong = "The name is too long.";
    public const string NameTaken = "Another segment of your organization already has this name.";
}
