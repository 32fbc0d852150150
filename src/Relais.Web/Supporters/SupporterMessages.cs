namespace Relais.Web.Supporters;

/// <summary>Message keys of the supporter, group and channel admin pages; French in SharedResource.fr.resx.</summary>
public static class SupporterMessages
{
    public const string EmailTaken = "Another supporter of your organization already has this email address. Merge the two records instead?";
    public const string NoSuchEmail = "No supporter of your organization has this email address.";
    public const string MergeSelf = "A supporter cannot be merged with itself.";
    public const string MergeErased = "An erased supporter cannot be merged.";
    public const string MergePagesClash = "Both records run a personal fundraising page of the same fundraiser, and a person can have only one, so these records cannot be merged.";
    public const string MergeTaxReceiptsClash = "Both records were issued a tax receipt for the same year. Issued receipts cannot be rewritten, so these records cannot be merged.";
    public const string MergeFailed = "The merge failed and nothing was changed. Please try again.";
    public const string Erased = "This supporter's data was erased; it can no longer be changed.";
    public const string TagInvalid = "Give a tag name of at most 100 characters.";
    public const string GroupNameTaken = "Another local group of your organization already has this name.";
    public const string ChannelNameTaken = "Another channel of your organization already has this name.";
    public const string ChannelSlugTaken = "Another channel of your organization already uses this address.";
}
