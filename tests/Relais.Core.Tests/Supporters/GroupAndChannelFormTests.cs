using Relais.Campaigns;
using Relais.Channels;
using Relais.Groups;
using Relais.Petitions;

namespace Relais.Core.Tests.Supporters;

public class GroupAndChannelFormTests
{
    [Fact]
    public void ChannelForm_NoSlug_MadeFromTheNameAndApplied()
    {
        var form = new ChannelForm { Name = "  Presse Algérie ", Country = "dz", Topic = " ", OpenToChoice = false };
        var channel = new Channel { Name = "", Slug = "" };

        Assert.Empty(form.Validate());
        form.ApplyTo(channel);

        Assert.Equal(("Presse Algérie", "presse-algerie", "DZ", null, false), (channel.Name, channel.Slug, channel.Country, channel.Topic, channel.OpenToChoice));
    }

    [Fact]
    public void ChannelForm_BadFields_Refused()
    {
        var errors = new ChannelForm { Name = "Press", Slug = "Not a slug!", Country = "ZZ", Description = new string('d', ChannelForm.DescriptionMax + 1) }.Validate();

        Assert.Equal(
            [("Slug", CampaignMessages.SlugInvalid), ("Country", FormMessages.CountryRequired), ("Description", FormMessages.TooLong)],
            errors.Select(e => (e.Field, e.MessageKey)));
        Assert.Equal(("Name", FormMessages.Required), new ChannelForm().Validate().Select(e => (e.Field, e.MessageKey)).Single());
    }

    [Fact]
    public void LocalGroupForm_RequiresANameOfBoundedLength()
    {
        Assert.Equal(FormMessages.Required, new LocalGroupForm { Name = " " }.Validate().Single().MessageKey);
        Assert.Equal(FormMessages.TooLong, new LocalGroupForm { Name = new string('n', LocalGroup.NameMax + 1) }.Validate().Single().MessageKey);
        Assert.Equal(FormMessages.TooLong, new LocalGroupForm { Name = "Lyon", PostalCodePrefix = "12345678901" }.Validate().Single().MessageKey);

        var group = new LocalGroup { Name = "" };
        new LocalGroupForm { Name = " Lyon ", Place = " ", Country = "fr", PostalCodePrefix = "69" }.ApplyTo(group);
        Assert.Equal(("Lyon", null, "FR", "69"), (group.Name, group.Place, group.Country, group.PostalCodePrefix));
    }
}
