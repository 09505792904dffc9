/**
 * Words the seed builds its demo data from: names, places, niches, brands, captions, notes.
 * Everything here is fiction; brand domains use the reserved .example TLD and emails .test.
 */

export const FIRST_NAMES_FR = [
  "Camille", "Léa", "Chloé", "Manon", "Inès", "Jade", "Louise", "Zoé", "Lina", "Margaux", "Sarah", "Clara", "Juliette",
  "Alice", "Anaïs", "Émilie", "Élodie", "Mathilde", "Pauline", "Océane", "Hugo", "Lucas", "Louis", "Théo", "Nathan",
  "Jules", "Arthur", "Raphaël", "Maxime", "Antoine", "Baptiste", "Quentin", "Julien", "Romain", "Thomas", "Nicolas",
  "Yasmine", "Amira", "Sofiane", "Karim", "Mehdi", "Aïcha", "Fatou", "Moussa", "Noémie", "Gaëlle", "Solène", "Bastien",
] as const;
export const LAST_NAMES_FR = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
  "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
  "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
  "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
  "Benali", "Diallo", "Haddad", "Nguyen",
] as const;
export const FIRST_NAMES_EN = [
  "Olivia", "Emma", "Ava", "Sophia", "Isabella", "Mia", "Amelia", "Harper", "Evelyn", "Abigail", "Emily", "Ella",
  "Grace", "Chloe", "Lily", "Hannah", "Zoe", "Maya", "Nora", "Ruby", "Liam", "Noah", "Oliver", "Elijah", "James",
  "William", "Benjamin", "Lucas", "Henry", "Theodore", "Jack", "Leo", "Owen", "Ethan", "Samuel", "Daniel", "Jacob",
  "Priya", "Aisha", "Kemi", "Tariq", "Omar", "Mei", "Hiro", "Jamal", "Keisha", "Rosa", "Diego", "Freya", "Callum",
] as const;
export const LAST_NAMES_EN = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore",
  "Jackson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
  "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
  "Turner", "Parker", "Collins", "Edwards", "Stewart", "Murphy", "Cook", "Patel", "Khan", "Okafor", "Chen", "Kim",
  "Nakamura", "O'Brien", "McKenzie", "Hughes",
] as const;
export const FIRST_NAMES_OTHER = [
  "Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie", "Pablo", "Lucía", "Javier", "Carmen", "Giulia", "Marco", "Sofia",
  "Matteo", "Elena", "Sven", "Ingrid", "Lars", "Aoife", "Ciarán", "Isla", "Ruairí", "Chiara", "Noor",
] as const;
export const LAST_NAMES_OTHER = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "García", "Fernández", "López", "Rossi", "Russo", "Bianchi",
  "Ferrari", "Jansen", "De Vries", "Peeters", "Maes", "Murphy", "Kelly", "Byrne", "Walsh", "Novak", "Horvat",
] as const;

/** Country, its weight, the languages its creators use, the audiences (jurisdiction sets) and their weights. */
export interface CountryProfile {
  code: string | null;
  weight: number;
  names: "fr" | "en" | "other";
  languages: ReadonlyArray<readonly [string[], number]>;
  audiences: ReadonlyArray<readonly [Array<"US" | "UK" | "FR">, number]>;
}

export const COUNTRY_PROFILES: readonly CountryProfile[] = [
  { code: "FR", weight: 34, names: "fr", languages: [[["fr"], 70], [["fr", "en"], 30]], audiences: [[["FR"], 70], [["FR", "UK"], 15], [["FR", "US"], 15]] },
  { code: "US", weight: 22, names: "en", languages: [[["en"], 85], [["en", "es"], 15]], audiences: [[["US"], 80], [["US", "UK"], 20]] },
  { code: "GB", weight: 18, names: "en", languages: [[["en"], 100]], audiences: [[["UK"], 75], [["UK", "US"], 25]] },
  { code: "BE", weight: 5, names: "fr", languages: [[["fr"], 50], [["fr", "nl"], 35], [["fr", "en"], 15]], audiences: [[["FR"], 80], [["FR", "UK"], 20]] },
  { code: "CA", weight: 5, names: "en", languages: [[["en", "fr"], 50], [["fr", "en"], 30], [["en"], 20]], audiences: [[["US"], 40], [["US", "FR"], 30], [["US", "UK"], 30]] },
  { code: "CH", weight: 3, names: "fr", languages: [[["fr", "de"], 60], [["fr"], 40]], audiences: [[["FR"], 70], [["FR", "UK"], 30]] },
  { code: "DE", weight: 3, names: "other", languages: [[["de", "en"], 100]], audiences: [[["UK", "US"], 60], [["UK"], 40]] },
  { code: "ES", weight: 3, names: "other", languages: [[["es", "en"], 100]], audiences: [[["UK", "US"], 70], [["US"], 30]] },
  { code: "IT", weight: 2, names: "other", languages: [[["it", "en"], 100]], audiences: [[["UK", "US"], 60], [["FR", "UK", "US"], 40]] },
  { code: "IE", weight: 2, names: "en", languages: [[["en"], 100]], audiences: [[["UK"], 70], [["UK", "US"], 30]] },
  { code: "AU", weight: 2, names: "en", languages: [[["en"], 100]], audiences: [[["US", "UK"], 100]] },
  { code: null, weight: 1, names: "en", languages: [[["en"], 100]], audiences: [[["US"], 50], [["UK"], 50]] },
];

export interface Niche {
  id: string;
  /** Handle suffixes ("camille_runs"). */
  handleWords: readonly string[];
  /** [English, French with its article] product names. */
  products: ReadonlyArray<readonly [string, string]>;
  hashtags: readonly string[];
  bioEn: string;
  bioFr: string;
}

export const NICHES: readonly Niche[] = [
  { id: "beauty", handleWords: ["beauty", "glow", "skin"], products: [["serum", "le sérum"], ["moisturiser", "la crème hydratante"], ["lipstick", "le rouge à lèvres"], ["sunscreen", "la crème solaire"], ["cleansing balm", "le baume démaquillant"]], hashtags: ["#skincare", "#beauty", "#glow", "#selfcare", "#makeup", "#skincareroutine"], bioEn: "Skincare without the hype: what works on real skin.", bioFr: "Le soin sans le baratin : ce qui marche vraiment sur la peau." },
  { id: "fashion", handleWords: ["style", "wears", "closet"], products: [["linen shirt", "la chemise en lin"], ["denim jacket", "la veste en jean"], ["trainers", "les baskets"], ["tote bag", "le cabas"], ["wool coat", "le manteau en laine"]], hashtags: ["#ootd", "#fashion", "#style", "#slowfashion", "#outfit", "#wiw"], bioEn: "Outfits I actually wear, bought to last.", bioFr: "Des tenues que je porte vraiment, achetées pour durer." },
  { id: "fitness", handleWords: ["fit", "lifts", "strong"], products: [["resistance bands", "les bandes élastiques"], ["protein bar", "la barre protéinée"], ["yoga mat", "le tapis de yoga"], ["kettlebell", "le kettlebell"], ["smart scale", "la balance connectée"]], hashtags: ["#fitness", "#workout", "#gym", "#strengthtraining", "#homeworkout", "#fitfam"], bioEn: "Coach. Strength training for people with busy lives.", bioFr: "Coach. Du renforcement pour celles et ceux qui manquent de temps." },
  { id: "running", handleWords: ["runs", "running", "miles"], products: [["running shoes", "les chaussures de running"], ["trail vest", "le gilet d'hydratation"], ["GPS watch", "la montre GPS"], ["energy gels", "les gels énergétiques"], ["running tights", "le collant de course"]], hashtags: ["#running", "#marathon", "#trailrunning", "#runnersofinstagram", "#training", "#run"], bioEn: "Marathoner, trail lover, early riser.", bioFr: "Marathonienne, amoureuse du trail, lève-tôt." },
  { id: "cycling", handleWords: ["rides", "velo", "cycles"], products: [["gravel bike", "le vélo gravel"], ["bike lights", "l'éclairage vélo"], ["cycling jersey", "le maillot de cyclisme"], ["helmet", "le casque"], ["bikepacking bags", "les sacoches de bikepacking"]], hashtags: ["#cycling", "#gravel", "#bikepacking", "#velo", "#roadbike", "#ride"], bioEn: "Long rides, short coffees, honest gear reviews.", bioFr: "Longues sorties, cafés courts, tests de matériel honnêtes." },
  { id: "food", handleWords: ["cooks", "kitchen", "eats"], products: [["cast-iron pan", "la poêle en fonte"], ["olive oil", "l'huile d'olive"], ["chef's knife", "le couteau de chef"], ["spice set", "le coffret d'épices"], ["stand mixer", "le robot pâtissier"]], hashtags: ["#food", "#recipe", "#homecooking", "#foodie", "#easyrecipes", "#cuisine"], bioEn: "Weeknight recipes and the tools that make them easy.", bioFr: "Des recettes du quotidien et les outils qui les simplifient." },
  { id: "travel", handleWords: ["travels", "wanders", "abroad"], products: [["carry-on suitcase", "la valise cabine"], ["travel backpack", "le sac à dos de voyage"], ["hotel stay", "le séjour à l'hôtel"], ["rail pass", "le pass ferroviaire"], ["travel insurance", "l'assurance voyage"]], hashtags: ["#travel", "#wanderlust", "#slowtravel", "#travelgram", "#voyage", "#weekend"], bioEn: "Slow travel by train across Europe.", bioFr: "Voyager lentement, en train, à travers l'Europe." },
  { id: "tech", handleWords: ["tech", "bytes", "gadgets"], products: [["noise-cancelling headphones", "le casque à réduction de bruit"], ["mechanical keyboard", "le clavier mécanique"], ["phone case", "la coque de téléphone"], ["portable SSD", "le SSD externe"], ["webcam", "la webcam"]], hashtags: ["#tech", "#gadgets", "#setup", "#review", "#deskgoals", "#unboxing"], bioEn: "Gadget reviews with the receipts: what I keep, what I return.", bioFr: "Des tests de gadgets preuves à l'appui : ce que je garde, ce que je renvoie." },
  { id: "gaming", handleWords: ["plays", "gg", "games"], products: [["gaming headset", "le casque gaming"], ["controller", "la manette"], ["gaming chair", "le fauteuil gaming"], ["capture card", "la carte d'acquisition"], ["indie game", "le jeu indé"]], hashtags: ["#gaming", "#gamer", "#twitch", "#indiegames", "#streamer", "#gameplay"], bioEn: "Streams on weeknights. Indie games and cosy co-op.", bioFr: "Streams en semaine. Jeux indés et coop tranquille." },
  { id: "parenting", handleWords: ["family", "mum", "parents"], products: [["stroller", "la poussette"], ["baby carrier", "le porte-bébé"], ["kids' books", "les livres jeunesse"], ["lunch box", "la boîte à goûter"], ["car seat", "le siège auto"]], hashtags: ["#parenting", "#momlife", "#familytime", "#toddler", "#parentalité", "#famille"], bioEn: "Two kids, one small flat, zero perfection.", bioFr: "Deux enfants, un petit appart, zéro perfection." },
  { id: "home", handleWords: ["home", "nest", "interiors"], products: [["linen bedding", "le linge de lit en lin"], ["table lamp", "la lampe à poser"], ["storage baskets", "les paniers de rangement"], ["scented candle", "la bougie parfumée"], ["rug", "le tapis"]], hashtags: ["#homedecor", "#interiors", "#homestyle", "#cosyhome", "#deco", "#diyhome"], bioEn: "Renting, decorating, and keeping the deposit.", bioFr: "Locataire, déco, et caution récupérée." },
  { id: "books", handleWords: ["reads", "books", "pages"], products: [["e-reader", "la liseuse"], ["novel", "le roman"], ["book subscription", "l'abonnement lecture"], ["reading light", "la lampe de lecture"], ["audiobook app", "l'appli de livres audio"]], hashtags: ["#bookstagram", "#booktok", "#reading", "#booklover", "#lecture", "#bookreview"], bioEn: "A book a week, reviewed honestly.", bioFr: "Un livre par semaine, chroniqué honnêtement." },
  { id: "wellness", handleWords: ["calm", "wellness", "breathes"], products: [["meditation app", "l'appli de méditation"], ["herbal tea", "l'infusion"], ["sleep mask", "le masque de nuit"], ["journal", "le carnet"], ["magnesium supplement", "le complément de magnésium"]], hashtags: ["#wellness", "#selfcare", "#mindfulness", "#sleep", "#bienetre", "#meditation"], bioEn: "Sleep, stress and small habits. Not medical advice.", bioFr: "Sommeil, stress et petites habitudes. Pas un avis médical." },
  { id: "outdoors", handleWords: ["outdoors", "wild", "trails"], products: [["tent", "la tente"], ["hiking boots", "les chaussures de randonnée"], ["rain jacket", "la veste de pluie"], ["sleeping bag", "le sac de couchage"], ["water filter", "le filtre à eau"]], hashtags: ["#hiking", "#outdoors", "#camping", "#randonnée", "#mountains", "#wildcamping"], bioEn: "Weekends in the mountains, gear tested in the rain.", bioFr: "Week-ends en montagne, matériel testé sous la pluie." },
  { id: "photography", handleWords: ["shoots", "lens", "frames"], products: [["camera bag", "le sac photo"], ["35mm lens", "l'objectif 35 mm"], ["tripod", "le trépied"], ["film stock", "la pellicule"], ["editing presets", "les presets"]], hashtags: ["#photography", "#filmphotography", "#streetphotography", "#35mm", "#photo", "#camera"], bioEn: "Street and film photography. Gear talk on Sundays.", bioFr: "Photo de rue et argentique. Matériel le dimanche." },
  { id: "music", handleWords: ["music", "beats", "sounds"], products: [["studio monitors", "les enceintes de monitoring"], ["microphone", "le micro"], ["guitar strings", "les cordes de guitare"], ["audio interface", "l'interface audio"], ["headphones", "le casque audio"]], hashtags: ["#music", "#homestudio", "#producer", "#guitar", "#musique", "#newmusic"], bioEn: "Bedroom producer. Gear, sessions, releases.", bioFr: "Producteur en home studio. Matériel, sessions, sorties." },
  { id: "finance", handleWords: ["money", "budget", "invests"], products: [["budgeting app", "l'appli de budget"], ["bank account", "le compte bancaire"], ["investing course", "la formation en investissement"], ["credit card", "la carte bancaire"], ["savings account", "le livret d'épargne"]], hashtags: ["#personalfinance", "#budgeting", "#money", "#investing", "#finance", "#epargne"], bioEn: "Plain-language money tips. Never financial advice.", bioFr: "L'argent expliqué simplement. Jamais un conseil financier." },
  { id: "sustainability", handleWords: ["green", "zerowaste", "eco"], products: [["refill kit", "le kit de recharge"], ["reusable bottle", "la gourde"], ["compost bin", "le composteur"], ["second-hand bundle", "le lot de seconde main"], ["solar charger", "le chargeur solaire"]], hashtags: ["#zerowaste", "#sustainability", "#lowimpact", "#ecofriendly", "#zérodéchet", "#secondhand"], bioEn: "Low-waste living without the guilt trip.", bioFr: "Vivre avec moins de déchets, sans culpabiliser." },
  { id: "pets", handleWords: ["pets", "paws", "dogs"], products: [["dog harness", "le harnais"], ["cat food", "les croquettes"], ["pet camera", "la caméra pour animaux"], ["chew toy", "le jouet à mâcher"], ["pet bed", "le panier"]], hashtags: ["#dogsofinstagram", "#catsofinstagram", "#pets", "#doglife", "#chien", "#chat"], bioEn: "One rescue dog, two opinionated cats.", bioFr: "Un chien adopté, deux chats qui ont leur avis." },
  { id: "diy", handleWords: ["makes", "diy", "builds"], products: [["cordless drill", "la perceuse sans fil"], ["paint", "la peinture"], ["sewing machine", "la machine à coudre"], ["workbench", "l'établi"], ["wood stain", "la lasure"]], hashtags: ["#diy", "#maker", "#woodworking", "#upcycling", "#bricolage", "#handmade"], bioEn: "Fixing, making and upcycling in a small workshop.", bioFr: "Réparer, fabriquer, détourner dans un petit atelier." },
];

/** Registered brands (they verify their domain on Candor); niches say who they work with. */
export const BRANDS: ReadonlyArray<{ name: string; domain: string; niches: readonly string[]; handle: string }> = [
  { name: "Stride", domain: "stride.example", niches: ["running", "fitness", "outdoors"], handle: "stride" },
  { name: "Lumen Skincare", domain: "lumen-skin.example", niches: ["beauty", "wellness"], handle: "lumenskin" },
  { name: "Maison Verte", domain: "maisonverte.example", niches: ["home", "sustainability"], handle: "maisonverte" },
  { name: "Café Nuit", domain: "cafenuit.example", niches: ["food", "books"], handle: "cafenuit" },
  { name: "Velora Bikes", domain: "velora.example", niches: ["cycling", "outdoors"], handle: "velorabikes" },
  { name: "Nordpeak", domain: "nordpeak.example", niches: ["outdoors", "travel", "running"], handle: "nordpeak" },
  { name: "PixelForge", domain: "pixelforge.example", niches: ["tech", "gaming", "photography"], handle: "pixelforge" },
  { name: "Atelier Lune", domain: "atelierlune.example", niches: ["fashion", "beauty"], handle: "atelierlune" },
  { name: "Biscuiterie Dorée", domain: "biscuiterie-doree.example", niches: ["food", "parenting"], handle: "biscuiteriedoree" },
  { name: "Tidewater Travel", domain: "tidewater.example", niches: ["travel", "photography"], handle: "tidewatertravel" },
  { name: "Greenleaf Foods", domain: "greenleaf.example", niches: ["food", "wellness", "sustainability"], handle: "greenleaffoods" },
  { name: "Orbit Audio", domain: "orbitaudio.example", niches: ["music", "tech", "gaming"], handle: "orbitaudio" },
  { name: "Papeterie Moreau", domain: "papeterie-moreau.example", niches: ["books", "diy"], handle: "papeteriemoreau" },
  { name: "FitFuel", domain: "fitfuel.example", niches: ["fitness", "running", "wellness"], handle: "fitfuel" },
  { name: "Brume Parfums", domain: "brume.example", niches: ["beauty", "fashion"], handle: "brumeparfums" },
  { name: "Solaire", domain: "solaire.example", niches: ["beauty", "travel", "outdoors"], handle: "solaire" },
  { name: "Hearth & Co", domain: "hearth.example", niches: ["home", "food", "diy"], handle: "hearthandco" },
  { name: "Ledgerly", domain: "ledgerly.example", niches: ["finance", "tech"], handle: "ledgerly" },
  { name: "Pawsome", domain: "pawsome.example", niches: ["pets", "parenting"], handle: "pawsome" },
  { name: "Kettle Games", domain: "kettlegames.example", niches: ["gaming", "books"], handle: "kettlegames" },
];

/** Brands that are not on Candor: some with a domain, some without. */
export const OTHER_BRANDS: ReadonlyArray<{ name: string; domain: string | null; niches: readonly string[]; handle: string }> = [
  { name: "Glowhaus", domain: "glowhaus.example", niches: ["beauty"], handle: "glowhaus" },
  { name: "Mira Cosmetics", domain: null, niches: ["beauty"], handle: "miracosmetics" },
  { name: "Threadline", domain: "threadline.example", niches: ["fashion"], handle: "threadline" },
  { name: "Les Petits Pois", domain: "lespetitspois.example", niches: ["parenting", "food"], handle: "lespetitspois" },
  { name: "IronWorks Gym", domain: null, niches: ["fitness"], handle: "ironworksgym" },
  { name: "Trailhead Supply", domain: "trailhead.example", niches: ["outdoors", "running"], handle: "trailheadsupply" },
  { name: "Chainring", domain: "chainring.example", niches: ["cycling"], handle: "chainring" },
  { name: "Épices & Cie", domain: "epices-cie.example", niches: ["food"], handle: "epicesetcie" },
  { name: "Railway Rovers", domain: null, niches: ["travel"], handle: "railwayrovers" },
  { name: "Voltbox", domain: "voltbox.example", niches: ["tech"], handle: "voltbox" },
  { name: "Nebula Controllers", domain: "nebula.example", niches: ["gaming"], handle: "nebulacontrollers" },
  { name: "Nido", domain: "nido.example", niches: ["home", "parenting"], handle: "nidohome" },
  { name: "Paperback Club", domain: null, niches: ["books"], handle: "paperbackclub" },
  { name: "Serenity Sleep", domain: "serenitysleep.example", niches: ["wellness"], handle: "serenitysleep" },
  { name: "Summit Gear", domain: "summitgear.example", niches: ["outdoors"], handle: "summitgear" },
  { name: "Silver Halide", domain: null, niches: ["photography"], handle: "silverhalide" },
  { name: "Loopstation", domain: "loopstation.example", niches: ["music"], handle: "loopstation" },
  { name: "CoinNest", domain: "coinnest.example", niches: ["finance"], handle: "coinnest" },
  { name: "Refill Republic", domain: "refillrepublic.example", niches: ["sustainability"], handle: "refillrepublic" },
  { name: "Wag & Purr", domain: null, niches: ["pets"], handle: "wagandpurr" },
  { name: "Sawdust Tools", domain: "sawdust.example", niches: ["diy"], handle: "sawdusttools" },
  { name: "Bloom Botanics", domain: "bloom.example", niches: ["beauty", "wellness", "home"], handle: "bloombotanics" },
  { name: "Metro Threads", domain: null, niches: ["fashion"], handle: "metrothreads" },
  { name: "Crumb & Co", domain: "crumb.example", niches: ["food"], handle: "crumbandco" },
];

export const BIO_EXTRAS_EN = [
  "Collabs: see my Candor profile.", "Based in {city}.", "Everything I'm paid for is labelled.", "DMs open for questions.",
  "New video every Tuesday.", "Opinions my own.", "",
] as const;
export const BIO_EXTRAS_FR = [
  "Mes collaborations sont sur mon profil Candor.", "Basée à {city}.", "Tout ce qui est payé est signalé.",
  "Questions en message privé.", "Nouvelle vidéo chaque mardi.", "",
] as const;
export const CITIES: Record<string, readonly string[]> = {
  FR: ["Paris", "Lyon", "Marseille", "Nantes", "Bordeaux", "Lille", "Toulouse", "Rennes", "Grenoble", "Strasbourg"],
  US: ["Brooklyn", "Austin", "Portland", "Chicago", "Denver", "Seattle", "Atlanta", "Los Angeles"],
  GB: ["London", "Manchester", "Bristol", "Leeds", "Glasgow", "Brighton", "Edinburgh"],
  BE: ["Bruxelles", "Liège", "Namur"],
  CA: ["Montréal", "Toronto", "Vancouver", "Québec"],
  CH: ["Genève", "Lausanne"],
  DE: ["Berlin", "Hamburg", "München"],
  ES: ["Madrid", "Barcelona", "Valencia"],
  IT: ["Milano", "Torino", "Bologna"],
  IE: ["Dublin", "Galway", "Cork"],
  AU: ["Melbourne", "Sydney"],
};

/** Caption bodies; {p} product, {b} brand, {code} discount code, {h} brand handle. */
export const BODIES_EN = [
  "Been using the {p} from {b} for three weeks now and I'm honestly impressed.",
  "Finally tried the new {p} by {b}. Here's my honest take after a month.",
  "Unboxing the {p} {b} sent over. First impressions in the video!",
  "Three things I love about this {p}: it's light, it lasts, and it does what it says.",
  "My weekly routine just got an upgrade with the {p} from {b}.",
  "Took the {p} on a long weekend away and it did not disappoint.",
  "Q&A time: you asked about my {p}, so here's everything, the good and the not so good.",
  "Swapped my old {p} for this one from {b}. Full comparison on the blog.",
  "Honest review of the {p}: what I'd change and who it's really for.",
  "Five weeks with the {b} {p}. Still using it every single day.",
  "Spring reset! Everything I'm loving this month, starting with the {p}.",
  "I said I'd never pay this much for a {p}. Then I tried this one.",
] as const;
export const BODIES_FR = [
  "Ça fait trois semaines que j'utilise {p} de {b} et franchement, je suis conquise.",
  "J'ai enfin testé {p} de {b} : voici mon avis honnête après un mois.",
  "Déballage en direct : {p} de {b}, premières impressions dans la vidéo !",
  "Trois raisons d'adorer {p} : léger, efficace, et ça tient toute la journée.",
  "Ma routine de la semaine s'enrichit avec {p} de {b}.",
  "J'ai emporté {p} pendant tout un week-end et je n'ai pas été déçue.",
  "Vous m'avez posé plein de questions sur {p}, alors voilà tout : le bon comme le moins bon.",
  "J'ai remplacé mon ancien modèle par {p} de {b}. Comparatif complet sur le blog.",
  "Avis honnête sur {p} : ce que je changerais et pour qui c'est vraiment fait.",
  "Cinq semaines avec {p} de {b}, et je m'en sers encore tous les jours.",
  "Le grand ménage de printemps ! Mes coups de cœur du mois, à commencer par {p}.",
  "Je m'étais juré de ne jamais mettre autant dans {p}. Et puis j'ai essayé celui-ci.",
] as const;
export const EXTRA_EN = [
  "Link in bio 👆 Code {code} gives you 15% off until Sunday.",
  "Tell me in the comments if you want a full tutorial.",
  "Swipe for the before and after.",
  "The full review is up on my channel now.",
  "Sizes run small, so go one up.",
  "Not perfect: the strap feels a bit cheap, but for the price it's great.",
  "Save this for later!",
] as const;
export const EXTRA_FR = [
  "Lien dans la bio 👆 Le code {code} vous donne -15 % jusqu'à dimanche.",
  "Dites-moi en commentaire si vous voulez un tuto complet.",
  "Faites défiler pour l'avant / après.",
  "Le test complet est en ligne sur ma chaîne.",
  "Ça taille petit, prenez une taille au-dessus.",
  "Pas parfait : la sangle fait un peu cheap, mais pour le prix c'est top.",
  "Enregistrez ce post pour plus tard !",
] as const;

export const AMEND_NOTES = {
  labelEn: ["Added “#ad” at the start of the caption.", "Moved the “Ad” label to the start of the caption.", "Added the label on the video itself.", "Replaced “#sp” with a clear “Ad”."],
  labelFr: ["Ajout de la mention « Publicité » au début du texte.", "Ajout de « Collaboration commerciale » sur la vidéo.", "La mention est maintenant sur l'image elle-même.", "Remplacement de « #sponso » par « Publicité »."],
  relationship: ["Corrected the relationship: the product was gifted, not paid.", "The brand paid for this post; it was recorded as a gift by mistake."],
  other: ["Corrected the posting date.", "Fixed the link to the post.", "Corrected the brand's domain.", "Fixed a typo in the caption."],
} as const;

export const BRAND_NOTES = {
  confirmed: [null, "Confirmed: paid partnership, spring campaign.", "Confirmed. Thanks for labelling it clearly!", "Confirmed: product sent for review, no payment.", "Confirmed: affiliate programme."],
  disputed: ["We did not pay for this post; the product was bought at retail.", "This was a gifted product, not a paid partnership.", "We have no agreement with this creator.", "The campaign ended before this post; it was not part of it."],
} as const;

export const WITHDRAW_REASONS = [
  "Taking a break from social media for a while.",
  "I now work for an agency whose rules conflict with some commitments.",
  "Je mets ma chaîne en pause pour quelques mois.",
  "Closing my accounts to focus on other work.",
  "Je ne publie plus de contenus sponsorisés.",
] as const;

export const PLEDGE_STATEMENTS_EN = [
  "Every paid post, every gift, labelled. Hold me to it.",
  "I've always disclosed; now anyone can check.",
  "Signing because my audience deserves to know who pays me.",
] as const;
export const PLEDGE_STATEMENTS_FR = [
  "Chaque partenariat, chaque cadeau, signalé. Vérifiez-moi.",
  "J'ai toujours été transparente ; maintenant, tout le monde peut le vérifier.",
  "Je signe parce que ma communauté mérite de savoir qui me paie.",
] as const;

export const REPORT_EVIDENCE: Record<string, readonly string[]> = {
  undisclosed: [
    "The video shows the product for forty seconds with a discount code, and there is no label anywhere.",
    "Same product and discount code as three other creators on the same day; nothing says it is sponsored.",
    "La vidéo montre le produit avec un code promo, et aucune mention de partenariat.",
  ],
  misleading_label: [
    "The only label is “#sp” at the end of a long list of hashtags.",
    "“Ad” appears after the “more” cut-off, so nobody sees it.",
    "La mention « partenariat » n'apparaît qu'à la fin de la description, pas sur la vidéo.",
  ],
  fake_engagement: [
    "Follower count jumped by 40,000 in two days and the new accounts have no posts.",
    "Most comments are identical emoji strings from accounts created this month.",
  ],
  other: [
    "The before/after photos look edited but say nothing about retouching.",
    "Les photos semblent retouchées sans que ce soit indiqué.",
  ],
};
/** respondToReport's actions (worker/services/reports.ts): disclosed | amended | disputed. */
export const REPORT_RESPONSES: ReadonlyArray<readonly ["disclosed" | "amended" | "disputed", string]> = [
  ["amended", "You're right, I've added the label at the start and amended the record."],
  ["disputed", "This one was bought with my own money; no brand was involved."],
  ["disclosed", "The label is on the video itself at 0:02, the first thing you see."],
  ["amended", "Merci, j'ai ajouté « Publicité » sur la vidéo et corrigé la fiche."],
  ["disputed", "The growth came from a TV appearance that week; happy to share analytics."],
  ["disclosed", "La mention « Collaboration commerciale » est au tout début de la description."],
];
export const DECISIONS = {
  upheld: [
    "The post promotes the brand with a discount code and carries no label.",
    "The label is hidden after the cut-off and in a row of hashtags; readers cannot see it.",
    "La publication met en avant la marque sans aucune mention « Publicité ».",
    "The engagement pattern matches a purchased-follower service.",
  ],
  dismissed: [
    "The post carries a clear label on the video itself.",
    "The creator showed a receipt: the product was bought at retail.",
    "La mention « Collaboration commerciale » figure bien au début du texte.",
    "Not enough evidence of a commercial tie.",
  ],
} as const;
export const SUSPEND_REASONS = [
  "Repeated undisclosed paid posts after upheld reports.",
  "Evidence of purchased followers and engagement.",
] as const;

export const ACCOUNT_FAILURES = [
  "The page did not link back to the Candor profile.",
  "The proof token was not found on the page.",
  "The page could not be reached (timeout).",
] as const;
