using Relais.Organizations;
using Relais.Petitions;
using Relais.Sharing;

namespace Relais.Demo;

/// <summary>
/// The demo's share kits: short posts for X, Bluesky, Mastodon and SMS, a longer personal message
/// for the others, in both languages, as Critical Exposure handed its supporters.
/// </summary>
internal static class DemoShareKits
{
    private sealed record Words(string Short, string Other, string Long);

    private static readonly Dictionary<string, (Words Fr, Words En)> Kits = new()
    {
        ["palidzesim-couches"] = (
            new(
                "110 nouveau-nés à Riga ont besoin de 300 couches par jour. J'ai signé pour que la ville s'en charge enfin. #palidzesim",
                "Des couches, pas des promesses : 110 bébés attendent le conseil municipal de Riga. Signez avec moi ! #palidzesim",
                "Bonjour ! Je viens de signer une pétition pour le centre d'accueil des nourrissons de Riga : 110 bébés, 300 couches par jour, "
                    + "et tout repose sur les dons. Une ligne au budget de la ville changerait tout. Ça prend une minute, et chaque signature compte :"),
            new(
                "110 newborns in Riga need 300 nappies a day. I signed so the city finally takes care of it. #palidzesim",
                "Nappies, not promises: 110 babies are waiting for Riga's city council. Sign with me! #palidzesim",
                "Hi! I just signed a petition for Riga's infant care centre: 110 babies, 300 nappies a day, and all of it depends on donations. "
                    + "One line in the city budget would change everything. It takes a minute and every signature counts:")),
        ["critical-exposure-concours"] = (
            new(
                "Nos élèves ont photographié leurs écoles qui tombent en ruine. Aidez-les à obtenir les travaux : signez ! #CriticalExposure",
                "Des plafonds qui fuient, des toilettes fermées : les photos des élèves parlent. 10 € ou une signature, tout compte. #CriticalExposure",
                "Salut ! Les élèves de Critical Exposure ont photographié l'état de leurs écoles et demandent les réparations. "
                    + "On est en plein concours : chaque personne qui signe et partage nous rapproche du but. Tu signes avec moi ?"),
            new(
                "Our students photographed their crumbling schools. Help them get the repairs: sign! #CriticalExposure",
                "Leaking ceilings, locked toilets: the students' photos speak for themselves. $10 or a signature, it all counts. #CriticalExposure",
                "Hi! Critical Exposure's students photographed the state of their schools and are asking for repairs. "
                    + "We're in the middle of a contest: everyone who signs and shares brings us closer. Will you sign with me?")),
        ["350-journee-action"] = (
            new(
                "Le même jour, partout : 350 ppm, c'est la limite. Je serai là, et vous ? #350",
                "Une journée d'action dans le monde entier pour tenir la limite des 350. Signez et rejoignez-nous. #350",
                "Bonjour ! Je participe à la journée d'action mondiale de 350 : des milliers de rassemblements le même jour pour demander "
                    + "à nos gouvernements de tenir la limite des 350 ppm. Signez l'appel et venez avec moi :"),
            new(
                "One day, everywhere: 350 ppm is the line. I'll be there, will you? #350",
                "A day of action around the world to hold the 350 line. Sign and join us. #350",
                "Hi! I'm taking part in 350's global day of action: thousands of gatherings on the same day asking our governments "
                    + "to hold the 350 ppm line. Sign the call and come with me:")),
    };

    public static IEnumerable<ShareKitPost> For(Guid organizationId, IReadOnlyList<DemoStory> stories, IReadOnlyList<Petition> petitions, DateTimeOffset now)
    {
        for (var s = 0; s < stories.Count; s++)
        {
            if (!Kits.TryGetValue(stories[s].Slug, out var kit))
            {
                continue;
            }
            foreach (var (language, words) in new[] { (Languages.French, kit.Fr), (Languages.English, kit.En) })
            {
                foreach (var (network, texts) in PostsOf(words))
                {
                    for (var i = 0; i < texts.Length; i++)
                    {
                        yield return new ShareKitPost
                        {
                            OrganizationId = organizationId,
                            CampaignId = petitions[s].CampaignId,
                            ActionId = petitions[s].Id,
                            Network = network,
                            Language = language,
                            Text = texts[i],
                            Position = i,
                            UpdatedAt = now,
                        };
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Network, string[] Texts)> PostsOf(Words words)
    {
        yield return (ShareNetworks.X, [words.Short, words.Other]);
        yield return (ShareNetworks.Bluesky, [words.Short]);
        yield return (ShareNetworks.Mastodon, [words.Short, words.Other]);
        yield return (ShareNetworks.Sms, [words.Other]);
        foreach (var network in new[] { ShareNetworks.WhatsApp, ShareNetworks.Telegram, ShareNetworks.Facebook, ShareNetworks.LinkedIn, ShareNetworks.Email })
        {
            yield return (network, [words.Long]);
        }
    }
}
