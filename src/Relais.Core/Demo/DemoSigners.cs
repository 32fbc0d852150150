using Bogus;

namespace Relais.Demo;

/// <summary>A generated person and the stories (indexes into the story list) they signed for.</summary>
internal sealed record DemoSigner(DemoPerson Person, List<int> Stories);

/// <summary>
/// Decides who signs which petition: each petition gets exactly the asked number of signers, most
/// of them its own audience, some borrowed from the other stories, so that about 15 % of people
/// sign two or three petitions as a real organization's supporters do.
/// </summary>
internal static class DemoSigners
{
    // With three petitions, 15 % of each one's signers coming from the others makes about 15 %
    // of all people multi-signers (V / (N - V), less the people borrowed twice).
    private const double VisitorShare = 0.15;

    // How often a borrowed signer is someone who already signs two, so that some sign all three.
    private const float TripleShare = 0.25f;

    public static List<DemoSigner> Pick(IReadOnlyList<DemoStory> stories, int perStory, DemoPeople people, Randomizer random)
    {
        var visitors = (int)Math.Round(perStory * VisitorShare);
        var own = perStory - visitors;
        var signers = new List<DemoSigner>(stories.Count * own);
        var firstOwn = new int[stories.Count];
        for (var s = 0; s < stories.Count; s++)
        {
            firstOwn[s] = signers.Count;
            for (var i = 0; i < own; i++)
            {
                signers.Add(new DemoSigner(people.Next(stories[s].Audience), [s]));
            }
        }

        var multi = new List<int>();
        for (var s = 0; s < stories.Count && own > 0 && stories.Count > 1; s++)
        {
            var others = signers.Count - own;
            var borrowed = 0;
            // Bounded, though with 2 × own candidates for 0.15 × N places collisions stay rare.
            for (var attempt = 0; borrowed < visitors && attempt < visitors * 50; attempt++)
            {
                int candidate;
                if (multi.Count > 0 && random.Bool(TripleShare))
                {
                    candidate = multi[random.Int(0, multi.Count - 1)];
                }
                else
                {
                    // Any signer outside this story's own block.
                    candidate = random.Int(0, others - 1);
                    if (candidate >= firstOwn[s])
                    {
                        candidate += own;
                    }
                }
                var signed = signers[candidate].Stories;
                if (signed.Contains(s))
                {
                    continue;
                }
                signed.Add(s);
                if (signed.Count == 2)
                {
                    multi.Add(candidate);
                }
                borrowed++;
            }
        }
        return signers;
    }
}
