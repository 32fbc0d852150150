namespace Relais.Demo;

/// <summary>
/// The hand-written texts of the demo: the organization and the three campaigns that re-enact the
/// stories of the design (#palidzesim, Critical Exposure, 350.org), in French and English.
/// </summary>
internal static class DemoStories
{
    public const string OrganizationName = "Relais — démo";

    // A signature needs consent for one purpose only; a newsletter is a separate purpose that must
    // never ride along with it, so the wording says so.
    public const string ConsentWordingFr =
        "J'accepte que Relais — démo enregistre mon nom, mon adresse e-mail, mon code postal et mon pays "
        + "pour compter ma signature et la remettre au destinataire de cette pétition (sans mon adresse e-mail). "
        + "Cela ne m'inscrit à aucune lettre d'information. Je peux retirer ce consentement à tout moment, "
        + "ce qui retire ma signature, et demander l'accès à mes données ou leur effacement.";

    public const string ConsentWordingEn =
        "I agree that Relais — démo stores my name, email address, postal code and country "
        + "to count my signature and deliver it to the target of this petition (without my email address). "
        + "This does not sign me up to any newsletter. I can withdraw this consent at any time, "
        + "which withdraws my signature, and ask to see or erase my data.";

    private static readonly string[] GenericFr =
    [
        "Signé et partagé.",
        "Bon courage à toute l'équipe !",
        "Merci de porter ce combat.",
        "Je partage autour de moi dès ce soir.",
    ];

    private static readonly string[] GenericEn =
    [
        "Signed and shared.",
        "Good luck to the whole team!",
        "Thank you for doing this.",
        "Sharing it with everyone I know tonight.",
    ];

    // Declared after the comment lists it reads: static initializers run in textual order.
    public static IReadOnlyList<DemoStory> All { get; } = [Palidzesim(), CriticalExposure(), DayOfAction()];

    private static DemoStory Palidzesim() => new(
        Slug: "palidzesim-couches",
        Hashtag: "#palidzesim",
        Goal: 5_000,
        LaunchedDaysAgo: 78,
        DeadlineInDays: 24,
        LaunchShare: 0.22,
        // A well-known blogger mother posts her video, then a morning TV show covers the centre.
        Bursts: [new(9, 0.14), new(33, 0.10)],
        Audience: DemoAudience.Riga,
        French: new(
            Title: "Des couches pour les 110 nouveau-nés du centre d'accueil de Riga",
            Ask: "Que le conseil municipal de Riga inscrive dans son prochain budget une ligne permanente pour les "
                + "fournitures du centre d'accueil des nourrissons : les 300 couches par jour dont ses 110 bébés ont besoin, "
                + "pour que leur bien-être ne dépende plus des seuls dons.",
            Target: "Le conseil municipal de Riga (Rīgas dome), et d'abord la présidence de sa commission des affaires "
                + "sociales, qui prépare le budget social de la ville.",
            TheoryOfChange: "Le centre est en partie financé par la ville, mais presque personne ne le connaît : 90 % des "
                + "donateurs interrogés n'en avaient jamais entendu parler. Un élu refuse difficilement une demande précise, "
                + "chiffrée et modeste quand des milliers d'habitants de sa ville la portent publiquement. Les dons en nature "
                + "règlent l'urgence de cette semaine ; une ligne au budget règle celle des années suivantes.",
            Base: "De jeunes mamans de Riga et leurs proches, qui suivent quelques blogueuses de la maternité sur Twitter et "
                + "Instagram. Elles partagent depuis leur téléphone, souvent le soir : tout passe par le mot-dièse #palidzesim "
                + "et une seule page vers laquelle chaque message renvoie.",
            Allies: "Les blogueuses mamans contactées une par une (194 sont restées impliquées lors de la première collecte), "
                + "les pharmacies et supermarchés de quartier qui servent de points de dépôt, les pédiatres de la ville et la "
                + "presse locale. Les pères et les grands-parents sont invités explicitement : pas besoin d'être parent pour "
                + "aider un bébé.",
            CallToAction: "Signez la pétition, puis partagez cette page avec #palidzesim à trois personnes de votre entourage.",
            Story: """
                Quelques jours après la naissance de son premier enfant, une jeune maman de Riga apprend qu'à quelques rues de chez elle, un centre recueille des **nouveau-nés abandonnés** dans les premiers jours de leur vie. Ils sont 110. Elle s'y rend, et en ressort avec un chiffre en tête : *plus de 300 couches par jour*.

                Le centre est en partie financé par la ville, mais il n'a jamais organisé de collecte : son équipe est bien trop occupée à prendre soin des bébés. Dans le quartier, presque personne ne sait qu'il existe.

                Un soir, elle publie une demande toute simple sur Twitter : un lecteur de CD, pour que les nourrissons entendent de la musique. Cinq sont promis dans la soirée. Alors elle crée un mot-dièse, #palidzesim — « aidons » en letton — et une page vers laquelle pointe chaque message.

                Ce qui a marché :

                - **une seule demande** : des couches, rien d'autre ;
                - des blogueuses contactées une par une, jamais par un envoi groupé ;
                - des résultats comptés dans la vraie vie : 3 500 personnes ont apporté des couches, 680 du lait, 72 ont donné de l'argent.

                Les dons ont répondu à l'urgence. Cette pétition demande à la ville de prendre le relais, pour que chaque bébé du centre ait ses couches **même quand plus personne n'en parle en ligne**.
                """,
            Hook: "110 nouveau-nés, 300 couches par jour, et un centre que personne ne connaissait. Aidons — #palidzesim.",
            Comments:
            [
                "Maman depuis trois mois, je ne peux pas imaginer ces bébés sans le nécessaire.",
                "J'ai déposé deux paquets à la pharmacie de mon quartier. Maintenant, c'est à la ville de prendre le relais.",
                "Je ne connaissais pas ce centre. Merci de l'avoir fait connaître.",
                "Des couches, ce n'est pas un luxe. C'est le minimum.",
                "Signé depuis Daugavpils, et partagé à toutes mes amies.",
                "Mon fils est né la semaine où la campagne a commencé. Je signe pour les 110 autres.",
                "Une demande simple et précise : impossible de dire non.",
                "Les dons ne durent qu'un temps, un budget reste.",
                "J'ai découvert le centre grâce à une blogueuse que je suis depuis des années.",
                "Grand-mère de quatre petits-enfants, je signe pour ceux qui n'ont personne.",
                .. GenericFr,
            ]),
        English: new(
            Title: "Nappies for the 110 newborns of Riga's infant care centre",
            Ask: "That Riga City Council write a permanent line into its next budget for the supplies of the infant care "
                + "centre: the 300 nappies a day its 110 babies need, so that their wellbeing no longer depends on donations alone.",
            Target: "Riga City Council (Rīgas dome), starting with the chair of its social affairs committee, who prepares "
                + "the city's social budget.",
            TheoryOfChange: "The centre is partly funded by the city, yet hardly anyone knows it exists: 90% of the donors "
                + "surveyed had never heard of it. A councillor finds it hard to turn down a precise, costed and modest "
                + "request when thousands of people from their own city carry it in public. Donations in kind solve this "
                + "week's emergency; a budget line solves the years that follow.",
            Base: "Young mothers in Riga and the people close to them, who follow a handful of parenting bloggers on Twitter "
                + "and Instagram. They share from their phones, often in the evening: everything goes through the "
                + "#palidzesim hashtag and one page that every message points to.",
            Allies: "Parenting bloggers contacted one by one (194 stayed involved through the first drive), neighbourhood "
                + "pharmacies and supermarkets acting as drop-off points, the city's paediatricians and the local press. "
                + "Fathers and grandparents are explicitly invited: you do not need to be a parent to help a baby.",
            CallToAction: "Sign the petition, then share this page with #palidzesim with three people you know.",
            Story: """
                A few days after her first child was born, a young mother in Riga learned that a few streets from her home, a centre takes in **newborns abandoned** in the first days of their lives. There are 110 of them. She went to see it, and came back with one number in her head: *more than 300 nappies a day*.

                The city pays for part of the centre's work, but it had never run a single appeal: its staff are far too busy caring for the babies. Almost nobody in the neighbourhood knew it was there.

                One evening she tweeted a very small request: a CD player, so the babies could hear some music. Five were promised before the night was over. So she created a hashtag, #palidzesim — "let's help" in Latvian — and one page that every message would point to.

                What worked:

                - **one single ask**: nappies, nothing else;
                - bloggers approached one by one, never with a mass mailing;
                - results counted in real life: 3,500 people brought nappies, 680 brought formula, 72 gave money.

                The donations met the emergency. This petition asks the city to take over, so that every baby in the centre has nappies **even when nobody is talking about it online any more**.
                """,
            Hook: "110 newborns, 300 nappies a day, and a centre nobody knew about. Let's help — #palidzesim.",
            Comments:
            [
                "Mum of a three-month-old here. I can't imagine these babies going without the basics.",
                "I dropped two packs at my local pharmacy. Now it's the city's turn.",
                "I had never heard of this centre. Thank you for making it known.",
                "Nappies are not a luxury. They are the bare minimum.",
                "Signed from Daugavpils and shared with all my friends.",
                "My son was born the week this campaign started. I'm signing for the other 110.",
                "A simple, precise request: impossible to say no to.",
                "Donations come and go; a budget line stays.",
                "I found out about the centre through a blogger I've followed for years.",
                "Grandmother of four. I'm signing for the little ones who have nobody.",
                .. GenericEn,
            ]));

    private static DemoStory CriticalExposure() => new(
        Slug: "critical-exposure-concours",
        Hashtag: "#CriticalExposure",
        Goal: 10_000,
        LaunchedDaysAgo: 38,
        // The fundraising contest ends within the week: the one campaign close to its deadline.
        DeadlineInDays: 5,
        LaunchShare: 0.18,
        // The students' exhibition opens, then the final push while supporters watch the leaderboard.
        Bursts: [new(12, 0.12), new(33, 0.20)],
        Audience: DemoAudience.Washington,
        French: new(
            Title: "Réparez les écoles que nos élèves ont photographiées",
            Ask: "Que le conseil de l'éducation du District de Columbia inscrive à son ordre du jour un plan de réparation "
                + "financé et daté pour ce que les élèves ont photographié — chauffage en panne, fenêtres cassées, toilettes "
                + "fermées, moisissures — et publie chaque trimestre l'avancement des travaux.",
            Target: "Les membres élus du conseil de l'éducation du District de Columbia (DC State Board of Education), et sa "
                + "présidence, qui fixe l'ordre du jour de ses séances publiques.",
            TheoryOfChange: "Une photo prise par une élève dans sa propre école est plus difficile à ignorer qu'un rapport. "
                + "Critical Exposure apprend à des jeunes à montrer eux-mêmes leurs conditions d'études ; une exposition "
                + "publique, une pétition qui l'accompagne et des élèves qui témoignent en séance font d'un problème invisible "
                + "un sujet que le conseil doit traiter en public. Le concours GlobalGiving en cours démultiplie l'effet : "
                + "chaque relais qui partage fait voir les photos en même temps qu'il collecte.",
            Base: "Un peu plus de 500 sympathisants sur Facebook : élèves, parents, enseignants et anciens participants des "
                + "ateliers. Ils lisent leurs e-mails et Facebook chaque jour et ont bien accueilli des nouvelles très "
                + "fréquentes ; pendant le concours, beaucoup consultent le classement en temps réel plusieurs fois par jour.",
            Allies: "Les élèves photographes et leurs familles, des enseignants et des associations de parents d'élèves, des "
                + "organisations qui défendent l'école publique à Washington, les photographes professionnels qui encadrent "
                + "les ateliers et les journalistes locaux qui ont déjà couvert les expositions.",
            CallToAction: "Signez, puis envoyez le message tout prêt à cinq amis, en y ajoutant une phrase à vous.",
            Story: """
                Dans un lycée de Washington, une élève de seconde photographie le radiateur de sa salle de classe : il est froid depuis novembre. Un camarade photographie un seau posé sous une fuite du plafond, là depuis si longtemps que plus personne ne le remarque. Ce sont *leurs* photos, prises dans *leur* école, avec un appareil prêté et trois mois d'atelier.

                **Critical Exposure** est une petite association : elle apprend à des jeunes à se servir de la photographie pour documenter leurs conditions d'études et les montrer à ceux qui décident. Pas de grand réseau, pas de budget publicitaire — à peine plus de 500 sympathisants sur Facebook.

                Cette année, elle participe au concours de collecte de GlobalGiving, avec un plan de communication préparé à l'avance :

                1. demander d'abord à chacun d'être un **relais**, avant d'être donateur ;
                2. un don suggéré de seulement 10 dollars ;
                3. des messages courts, prêts à copier, que chacun personnalise d'une phrase.

                La collecte paie les ateliers. Cette pétition, elle, porte les photos devant le conseil de l'éducation : pour que plus personne ne puisse dire qu'il ne savait pas.
                """,
            Hook: "Ils ont seize ans et un appareil photo. Regardez leur école avec leurs yeux.",
            Comments:
            [
                "Ma fille a pris une des photos de l'exposition. Elle a eu froid en classe tout l'hiver.",
                "Enseignante depuis quinze ans : ces photos disent vrai, malheureusement.",
                "J'ai donné 10 dollars et je signe. Je regarde le classement tous les soirs !",
                "Aucun élève ne devrait étudier sous une fuite du plafond.",
                "Les élèves ont fait l'enquête. Au conseil de faire le reste.",
                "J'ai partagé le message avec un mot à moi, trois amis ont signé.",
                "Ancien élève de ce lycée : rien n'a changé depuis mon époque.",
                "Merci pour les nouvelles presque quotidiennes, continuez !",
                "Ces photos parlent plus fort que n'importe quel rapport.",
                "Des toilettes fermées depuis des mois dans une école publique : inacceptable.",
                .. GenericFr,
            ]),
        English: new(
            Title: "Fix the schools our students photographed",
            Ask: "That the District of Columbia State Board of Education put on its agenda a funded, dated repair plan for "
                + "what students photographed — broken heating, shattered windows, locked toilets, mould — and publish "
                + "progress on the work every quarter.",
            Target: "The elected members of the District of Columbia State Board of Education, and its president, who sets "
                + "the agenda of its public meetings.",
            TheoryOfChange: "A photo taken by a student in her own school is harder to ignore than a report. Critical "
                + "Exposure teaches young people to show their learning conditions themselves; a public exhibition, a "
                + "petition beside it and students speaking at a board meeting turn an invisible problem into one the board "
                + "must deal with in public. The GlobalGiving contest under way multiplies the effect: every relay who "
                + "shares shows the photos while raising money.",
            Base: "Just over 500 supporters on Facebook: students, parents, teachers and former workshop participants. They "
                + "read their email and Facebook every day and welcomed very frequent updates; during the contest many "
                + "check the live leaderboard several times a day.",
            Allies: "The student photographers and their families, teachers and parent associations, organisations that "
                + "stand up for public schools in Washington, the professional photographers who run the workshops and the "
                + "local reporters who have covered the exhibitions before.",
            CallToAction: "Sign, then send the ready-made message to five friends, adding one sentence of your own.",
            Story: """
                In a Washington high school, a tenth-grader photographs the radiator in her classroom: it has been cold since November. A classmate photographs a bucket under a leak in the ceiling, there for so long that nobody notices it any more. These are *their* photos, taken in *their* school, with a borrowed camera and three months of workshops.

                **Critical Exposure** is a small organisation: it teaches young people to use photography to document their learning conditions and show them to the people who decide. No big network, no advertising budget — barely more than 500 supporters on Facebook.

                This year it is taking part in GlobalGiving's fundraising contest, with a communication plan prepared in advance:

                1. first ask everyone to be a **relay**, before being a donor;
                2. a suggested gift of just $10;
                3. short, ready-to-copy messages that everyone makes their own with one sentence.

                The money pays for the workshops. This petition takes the photos to the Board of Education, so that nobody can say they did not know.
                """,
            Hook: "They are sixteen and they have a camera. See their school through their eyes.",
            Comments:
            [
                "My daughter took one of the photos in the exhibition. She was cold in class all winter.",
                "Teacher for fifteen years: sadly, these photos tell the truth.",
                "Gave $10 and signed. I check the leaderboard every evening!",
                "No student should have to study under a leaking ceiling.",
                "The students did the investigating. Now the board has to do the rest.",
                "I shared the message with a line of my own and three friends signed.",
                "I went to this school. Nothing has changed since my day.",
                "Thanks for the almost daily updates, keep them coming!",
                "These photos speak louder than any report.",
                "Toilets locked for months in a public school: unacceptable.",
                .. GenericEn,
            ]));

    private static DemoStory DayOfAction() => new(
        Slug: "350-journee-action",
        Hashtag: "#350DayOfAction",
        Goal: 25_000,
        LaunchedDaysAgo: 62,
        DeadlineInDays: 40,
        LaunchShare: 0.15,
        // The global day of action, the same date everywhere, then the wave of photos shared after it.
        Bursts: [new(41, 0.30), new(44, 0.08)],
        Audience: DemoAudience.Worldwide,
        French: new(
            Title: "Une journée, partout : 350, le cap que nos gouvernements doivent tenir",
            Ask: "Que chaque chef d'État ou de gouvernement annonce, avant le prochain sommet des Nations unies sur le "
                + "climat, un objectif national de réduction des émissions compatible avec un retour sous 350 ppm de CO₂ dans "
                + "l'atmosphère, avec un calendrier et un bilan public chaque année.",
            Target: "Les chefs d'État et de gouvernement attendus au prochain sommet des Nations unies sur le climat (COP). "
                + "Dans chaque pays, les groupes locaux remettent les signatures de leurs concitoyens au chef du gouvernement "
                + "ou à son représentant.",
            TheoryOfChange: "Les gouvernements négocient leurs objectifs climatiques entre eux, loin du public. Quand des "
                + "milliers d'actions ont lieu le même jour dans des centaines de villes, avec des photos qui montrent de "
                + "vrais visages, le chiffre 350 devient une exigence que chaque délégation entend chez elle. La pétition "
                + "relie ces actions locales : chaque signature est comptée par pays et remise par un groupe local, ce qui "
                + "rend la pression à la fois nationale et visible.",
            Base: "Surtout des jeunes, très présents sur les réseaux sociaux, et les groupes locaux du mouvement partout dans "
                + "le monde. Beaucoup commencent par un « j'aime » ou un abonnement, viennent ensuite à une action publique, "
                + "et certains finissent par organiser la leur.",
            Allies: "Les groupes locaux et leurs animateurs, des mouvements de jeunesse et des syndicats étudiants, des "
                + "climatologues qui expliquent le chiffre 350, des artistes et des photographes qui font circuler les images, "
                + "des communautés religieuses et des élus locaux qui accueillent les événements.",
            CallToAction: "Signez, puis rejoignez l'action la plus proche de chez vous — ou organisez la vôtre avec le kit à "
                + "télécharger.",
            Story: """
                350, c'est le nombre de parties par million de CO₂ que les scientifiques jugent sûr pour notre atmosphère. Nous l'avons dépassé. Ce chiffre a un avantage : il se passe de traduction. Il s'écrit de la même façon à Nairobi, à Manille, à São Paulo et à Lyon.

                Lors de la journée d'action, partout dans le monde, des groupes locaux se sont rassemblés **à la même date** : une chaîne humaine sur une plage, un « 350 » géant formé par des élèves dans la cour de leur lycée, une course à vélo, une plantation d'arbres. Chaque groupe a pris sa photo et l'a publiée avec le même mot-dièse. Vues ensemble, ces images disent ce qu'aucun communiqué ne dit : *nous sommes partout*.

                Chacun y trouve sa place :

                - **s'informer et afficher son soutien** : suivre le mouvement, s'abonner, porter le t-shirt ;
                - **venir** à une action publique, prendre des photos, les partager en direct ;
                - **mobiliser** : prendre les visuels, les modèles et les guides, imprimer une feuille d'inscription, lancer un groupe local.

                Cette pétition prolonge la journée : les signatures sont comptées pays par pays et remises par les groupes locaux à leur gouvernement avant le sommet. Nous compterons ce qui compte : participants, actions, membres des groupes locaux.
                """,
            Hook: "Un seul chiffre, 350, écrit le même jour dans des milliers de villes. Prenez la photo, ajoutez "
                + "#350DayOfAction.",
            Comments:
            [
                "J'étais à la chaîne humaine sur le Vieux-Port, quelle journée !",
                "Nous avons formé un 350 géant dans la cour du lycée, la photo est en ligne.",
                "Signé à Nairobi, avec tout mon groupe local.",
                "Pour mes enfants, et pour les leurs.",
                "Le même jour, partout : c'est ce qui me donne de l'espoir.",
                "Je n'avais jamais manifesté. J'organise maintenant la prochaine action de ma ville.",
                "350 : un chiffre simple que tout le monde comprend.",
                "Nos gouvernements doivent arriver au sommet avec un vrai plan, pas des promesses.",
                "Agricultrice, je vois le climat changer d'une année sur l'autre.",
                "Première action pour moi, certainement pas la dernière.",
                .. GenericFr,
            ]),
        English: new(
            Title: "One day, everywhere: 350 is the line our governments must hold",
            Ask: "That every head of state or government announce, before the next UN climate summit, a national emissions "
                + "target consistent with bringing atmospheric CO₂ back below 350 ppm, with a timetable and a public review "
                + "every year.",
            Target: "The heads of state and government expected at the next UN climate summit (COP). In each country, local "
                + "groups hand their fellow citizens' signatures to the head of government or their representative.",
            TheoryOfChange: "Governments negotiate their climate targets among themselves, far from the public. When "
                + "thousands of actions happen on the same day in hundreds of cities, with photos showing real faces, the "
                + "number 350 becomes a demand every delegation hears at home. The petition ties these local actions "
                + "together: every signature is counted by country and delivered by a local group, which makes the pressure "
                + "both national and visible.",
            Base: "Mostly young people, very present on social media, and the movement's local groups all over the world. "
                + "Many start with a like or a subscription, then come to a public action, and some end up organising "
                + "their own.",
            Allies: "Local groups and their organisers, youth movements and student unions, climate scientists who explain "
                + "the number 350, artists and photographers who spread the pictures, faith communities and local officials "
                + "who host events.",
            CallToAction: "Sign, then join the action nearest to you — or organise your own with the downloadable kit.",
            Story: """
                350 is the number of parts per million of CO₂ that scientists consider safe for our atmosphere. We are already past it. The number has one advantage: it needs no translation. It is written the same way in Nairobi, Manila, São Paulo and Lyon.

                On the day of action, all over the world, local groups gathered **on the same date**: a human chain on a beach, a giant "350" formed by students in their schoolyard, a bike ride, a tree planting. Every group took its photo and posted it with the same hashtag. Seen together, these pictures say what no press release can: *we are everywhere*.

                There is a place for everyone:

                - **learn and show your support**: follow the movement, subscribe, wear the T-shirt;
                - **show up** at a public action, take photos, share them live;
                - **mobilise**: take the graphics, templates and guides, print a sign-up sheet, start a local group.

                This petition carries the day forward: signatures are counted country by country and delivered by local groups to their government before the summit. We will count what counts: participants, actions, local group members.
                """,
            Hook: "One number, 350, written on the same day in thousands of cities. Take the photo, add #350DayOfAction.",
            Comments:
            [
                "I was in the human chain on the beach. What a day!",
                "We formed a giant 350 in the schoolyard; the photo is online.",
                "Signed in Nairobi, with my whole local group.",
                "For my children, and for theirs.",
                "The same day, everywhere: that is what gives me hope.",
                "I had never been to a protest. Now I'm organising the next action in my town.",
                "350: a simple number everyone understands.",
                "Our governments must come to the summit with a real plan, not promises.",
                "As a farmer, I see the climate change from one year to the next.",
                "My first action, certainly not my last.",
                .. GenericEn,
            ]));
}
