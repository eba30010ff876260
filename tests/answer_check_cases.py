"""A labelled set of hard cases for the automatic answer check (tests/test_answer_check.py).

Each case: the kind of difficulty, the question, the reference (alternatives after "|"), aliases,
an answer as a chat model might write it, and the verdict a careful person would give. About
half are right answers, so that recall means something. Written by hand for issue 15; the
expected verdicts were fixed before the check was measured on them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    kind: str
    question: str
    reference: str
    answer: str
    expected: str  # correct | wrong | hedged | negated | not found | empty
    aliases: tuple[str, ...] = ()
    incorrect: tuple[str, ...] = ()


AUS = "What is the capital of Australia?"
MOON = "Who was the first person to walk on the Moon?"
SPIDER = "How many legs does a spider have?"
LANDING = "In which year did humans first land on the Moon?"
WW2 = "In which year did the Second World War end?"
BOIL = "What is the boiling point of water at sea level in degrees Fahrenheit?"
PH = "What is the pH of pure water at 25 °C?"
GOLD = "What is the chemical symbol for gold?"
POTASSIUM = "What is the chemical symbol for potassium?"
ARMADA = "Which English queen reigned when the Spanish Armada was defeated in 1588?"
WALL = "Which Roman emperor gave his name to the wall built across northern Britain from AD 122?"
SOLITUDE = "Who wrote the novel One Hundred Years of Solitude?"
BONES = "How many bones are in the typical adult human skeleton?"
MINUTES = "How many minutes are there in a day?"
HEARTS = "How many hearts does an octopus have?"
TELEPHONE = "Who was granted the first US patent for the telephone, in 1876?"
RELATIVITY = "Which physicist developed the theory of relativity?"
CANADA = "What is the capital of Canada?"
TURKEY = "What is the capital of Turkey?"
PB = "Which metal has the chemical symbol Pb?"
MERCURY = "Which planet is closest to the Sun?"
TITAN = "Titan is the largest moon of which planet?"
DIAMOND = "What is the hardest naturally occurring mineral?"
CELL = "Which organelle is often called the powerhouse of the cell?"
HEPTAGON = "How many sides does a heptagon have?"
WW1 = "In which year did the First World War begin?"
HASTINGS = "In which year was the Battle of Hastings fought?"
CHESS = "How many squares are there on a chessboard?"
BEETHOVEN = "How many symphonies did Beethoven complete?"
ROMULUS = "In which year was Romulus Augustulus, the last Western Roman emperor, deposed?"
SPACE = "Who was the first person to travel into space, in 1961?"
EVEREST = (
    "Which New Zealand mountaineer first reached the summit of Mount Everest with Tenzing Norgay?"
)
WEB = "Which British computer scientist invented the World Wide Web?"
NILE = "Which river flows through Cairo?"
ORIGIN = "Who wrote On the Origin of Species, published in 1859?"
PENICILLIN = "Which Scottish scientist discovered penicillin in 1928?"
TRIANGLE = "How many degrees do the interior angles of a triangle add up to?"
PIANO = "How many keys does a standard modern piano have?"
DECLARATION = "In which year was the United States Declaration of Independence adopted?"
KENYA = "On which continent is Kenya?"
KILI = "What is the highest mountain in Africa?"
HAMLET = "Who wrote the play Hamlet?"
ELEMENT1 = "Which chemical element has atomic number 1?"
MARS = "Which planet is known as the Red Planet?"
GANDHI = 'Which leader of India\'s independence movement was called "Mahatma"?'
VITD = "Which vitamin does human skin make when it is exposed to sunlight?"
CARDS = "How many cards are in a standard deck, not counting jokers?"
EURO = "In which year did euro banknotes and coins enter circulation?"
LOUIS14 = "Which French king was known as the Sun King?"
FORCE = "What is the SI unit of force?"

ARM = ("Armstrong",)
BELL = ("Graham Bell", "Bell")
EINSTEIN = ("Einstein",)

CASES: tuple[Case, ...] = (
    # -- plain correct ---------------------------------------------------------------------
    Case("plain correct", AUS, "Canberra", "Canberra.", "correct"),
    Case("plain correct", AUS, "Canberra", "The capital of Australia is Canberra.", "correct"),
    Case("plain correct", CANADA, "Ottawa", "Ottawa is the capital of Canada.", "correct"),
    Case("plain correct", TURKEY, "Ankara", "It's Ankara.", "correct"),
    Case("plain correct", NILE, "Nile", "The Nile flows through Cairo.", "correct"),
    Case("plain correct", MERCURY, "Mercury", "Mercury", "correct"),
    Case("plain correct", TITAN, "Saturn", "Titan orbits Saturn.", "correct"),
    Case("plain correct", DIAMOND, "diamond", "Diamond is the hardest natural mineral.", "correct"),
    Case("plain correct", PB, "lead", "Pb is the symbol for lead.", "correct"),
    Case("plain correct", CELL, "mitochondria", "The mitochondria.", "correct", ("mitochondrion",)),
    Case("plain correct", MOON, "Neil Armstrong", "Neil Armstrong.", "correct", ARM),
    Case("plain correct", RELATIVITY, "Albert Einstein", "Einstein.", "correct", EINSTEIN),
    Case(
        "plain correct",
        TELEPHONE,
        "Alexander Graham Bell",
        "Alexander Graham Bell.",
        "correct",
        BELL,
    ),
    Case(
        "plain correct",
        SPACE,
        "Yuri Gagarin",
        "Yuri Gagarin, a Soviet cosmonaut.",
        "correct",
        ("Gagarin",),
    ),
    Case(
        "plain correct", WEB, "Tim Berners-Lee", "Sir Tim Berners-Lee.", "correct", ("Berners-Lee",)
    ),
    Case(
        "plain correct",
        ORIGIN,
        "Charles Darwin",
        "Charles Darwin wrote it.",
        "correct",
        ("Darwin",),
    ),
    Case(
        "plain correct",
        PENICILLIN,
        "Alexander Fleming",
        "It was Alexander Fleming.",
        "correct",
        ("Fleming",),
    ),
    Case("plain correct", KENYA, "Africa", "Kenya is in East Africa.", "correct"),
    Case(
        "plain correct",
        KILI,
        "Kilimanjaro",
        "Mount Kilimanjaro, in Tanzania.",
        "correct",
        ("Mount Kilimanjaro",),
    ),
    Case(
        "plain correct",
        HAMLET,
        "William Shakespeare",
        "Shakespeare wrote Hamlet.",
        "correct",
        ("Shakespeare",),
    ),
    Case("plain correct", ELEMENT1, "hydrogen", "Hydrogen.", "correct"),
    Case("plain correct", MARS, "Mars", "Mars is called the Red Planet.", "correct"),
    Case("plain correct", SPIDER, "8", "Eight.", "correct"),
    Case("plain correct", SPIDER, "8", "A spider has 8 legs.", "correct"),
    Case("plain correct", WW2, "1945", "It ended in 1945.", "correct"),
    Case("plain correct", LANDING, "1969", "1969", "correct"),
    Case("plain correct", HEPTAGON, "7", "A heptagon has seven sides.", "correct"),
    Case("plain correct", CHESS, "64", "There are 64 squares on a chessboard.", "correct"),
    Case("plain correct", CARDS, "52", "52 cards.", "correct"),
    Case("plain correct", FORCE, "newton", "The newton (N).", "correct", ("newtons",)),
    # -- formats -----------------------------------------------------------------------------
    Case("format", PH, "7", "7.0", "correct"),
    Case("format", PH, "7", "The pH of pure water at 25 °C is 7.0, which is neutral.", "correct"),
    Case("format", BOIL, "212", "212°F", "correct", ("two hundred and twelve",)),
    Case("format", BOIL, "212", "Water boils at 212 °F at sea level.", "correct"),
    Case("format", BOIL, "212", "It boils at 212 degrees Fahrenheit (100 °C).", "correct"),
    Case("format", LANDING, "1969", "Nineteen sixty-nine.", "correct"),
    Case("format", LANDING, "1969", "In July 1969, with Apollo 11.", "correct"),
    Case("format", ARMADA, "Elizabeth I", "Elizabeth the 1st", "correct"),
    Case("format", ARMADA, "Elizabeth I", "Queen Elizabeth the First.", "correct"),
    Case("format", ARMADA, "Elizabeth I", "Elizabeth I of England.", "correct"),
    Case("format", WALL, "Hadrian", "Hadrian's.", "correct"),
    Case(
        "format", WALL, "Hadrian", "It is Hadrian's Wall, named after Emperor Hadrian.", "correct"
    ),
    Case(
        "format",
        SOLITUDE,
        "Gabriel Garcia Marquez",
        "Gabriel García Márquez.",
        "correct",
        ("Garcia Marquez", "Marquez"),
    ),
    Case(
        "format",
        SOLITUDE,
        "Gabriel Garcia Marquez",
        "Márquez wrote it in 1967.",
        "correct",
        ("Garcia Marquez", "Marquez"),
    ),
    Case("format", BONES, "206", "Two hundred and six bones.", "correct", ("two hundred and six",)),
    Case("format", MINUTES, "1440", "There are 1,440 minutes in a day.", "correct"),
    Case("format", MINUTES, "1440", "One thousand four hundred and forty.", "correct"),
    Case("format", HASTINGS, "1066", "Ten sixty-six.", "correct"),
    Case("format", EURO, "2002", "Two thousand and two.", "correct"),
    Case("format", GOLD, "Au", "Au", "correct"),
    Case("format", GOLD, "Au", "The symbol is Au, from the Latin aurum.", "correct"),
    Case("format", POTASSIUM, "K", "K (from the Latin kalium).", "correct"),
    Case("format", TRIANGLE, "180", "180°", "correct", ("one hundred and eighty",)),
    Case("format", LOUIS14, "Louis XIV", "Louis the Fourteenth.", "correct", ("Louis 14",)),
    Case("format", TELEPHONE, "Alexander Graham Bell", "Alexander Graham-Bell", "correct", BELL),
    # -- long verbose correct --------------------------------------------------------------
    Case(
        "long correct",
        MOON,
        "Neil Armstrong",
        "The first person to walk on the Moon was Neil Armstrong, on 20 July 1969, during NASA's "
        "Apollo 11 mission. Buzz Aldrin joined him about 19 minutes later, while Michael Collins "
        "stayed in orbit.",
        "correct",
        ARM,
    ),
    Case(
        "long correct",
        AUS,
        "Canberra",
        "Canberra is the capital of Australia. Many people mistakenly think it is Sydney, the "
        "largest city, but Canberra was chosen as a compromise between Sydney and Melbourne.",
        "correct",
    ),
    Case(
        "long correct",
        SPIDER,
        "8",
        "Spiders have eight legs. Unlike insects, which have six legs, spiders are arachnids; "
        "many also have eight eyes.",
        "correct",
    ),
    Case(
        "long correct",
        HEARTS,
        "3",
        "An octopus has three hearts: two branchial hearts pump blood through the gills, and one "
        "systemic heart pumps it around the body.",
        "correct",
    ),
    Case(
        "long correct",
        WW2,
        "1945",
        "The Second World War ended in 1945. It had begun in 1939 with the invasion of Poland.",
        "correct",
    ),
    Case(
        "long correct",
        WW1,
        "1914",
        "The First World War began in 1914, after the assassination of Archduke Franz Ferdinand, "
        "and ended in 1918.",
        "correct",
    ),
    Case(
        "long correct",
        MERCURY,
        "Mercury",
        "Mercury is the closest planet to the Sun. Venus comes second, then Earth.",
        "correct",
    ),
    Case(
        "long correct",
        BEETHOVEN,
        "9",
        "Beethoven completed nine symphonies; sketches for a tenth survive but it was never "
        "finished.",
        "correct",
    ),
    Case(
        "long correct",
        BOIL,
        "212",
        "At sea level water boils at 212 °F, which is 100 °C. At higher altitudes it boils at a "
        "lower temperature.",
        "correct",
    ),
    Case(
        "long correct",
        TELEPHONE,
        "Alexander Graham Bell",
        "Alexander Graham Bell received the patent in March 1876, only hours after Elisha Gray "
        "filed a caveat for a similar design.",
        "correct",
        BELL,
    ),
    Case(
        "long correct",
        EVEREST,
        "Edmund Hillary",
        "Sir Edmund Hillary reached the summit with Tenzing Norgay on 29 May 1953.",
        "correct",
        ("Hillary",),
    ),
    Case(
        "long correct",
        RELATIVITY,
        "Albert Einstein",
        "Albert Einstein developed special relativity in 1905 and general relativity in 1915. "
        "Isaac Newton's laws had described gravity before him.",
        "correct",
        EINSTEIN,
    ),
    Case(
        "long correct",
        LANDING,
        "1969",
        "Humans first landed on the Moon in 1969. The Apollo programme ran until 1972.",
        "correct",
    ),
    Case(
        "long correct",
        PIANO,
        "88",
        "A standard modern piano has 88 keys: 52 white keys and 36 black keys.",
        "correct",
    ),
    Case(
        "long correct",
        CHESS,
        "64",
        "A chessboard has 64 squares arranged in an 8 by 8 grid.",
        "correct",
    ),
    Case(
        "long correct",
        DECLARATION,
        "1776",
        "The Declaration of Independence was adopted on July 4, 1776, by the Continental "
        "Congress in Philadelphia.",
        "correct",
    ),
    Case(
        "long correct",
        ROMULUS,
        "476",
        "Romulus Augustulus was deposed in AD 476 by Odoacer, a date often used to mark the end "
        "of the Western Roman Empire.",
        "correct",
    ),
    Case(
        "long correct",
        TITAN,
        "Saturn",
        "Titan is Saturn's largest moon, and the second-largest moon in the Solar System after "
        "Jupiter's Ganymede.",
        "correct",
    ),
    Case(
        "long correct",
        DIAMOND,
        "diamond",
        "The hardest naturally occurring mineral is diamond, which scores 10 on the Mohs scale.",
        "correct",
    ),
    Case(
        "long correct",
        CELL,
        "mitochondria",
        "Mitochondria are often called the powerhouse of the cell because they produce most of "
        "its ATP.",
        "correct",
        ("mitochondrion",),
    ),
    Case(
        "long correct",
        HAMLET,
        "William Shakespeare",
        "Hamlet was written by William Shakespeare around 1600. It is one of his longest plays.",
        "correct",
        ("Shakespeare",),
    ),
    Case(
        "long correct",
        CANADA,
        "Ottawa",
        "The capital of Canada is Ottawa, in Ontario. Toronto is the largest city.",
        "correct",
    ),
    Case(
        "long correct",
        SPACE,
        "Yuri Gagarin",
        "Yuri Gagarin flew on Vostok 1 on 12 April 1961, completing one orbit of Earth.",
        "correct",
        ("Gagarin",),
    ),
    Case(
        "long correct",
        BONES,
        "206",
        "An adult human skeleton typically has 206 bones, although babies are born with about "
        "270 to 300.",
        "correct",
    ),
    Case(
        "long correct",
        KILI,
        "Kilimanjaro",
        "Mount Kilimanjaro in Tanzania, at 5,895 metres, is the highest mountain in Africa.",
        "correct",
        ("Mount Kilimanjaro",),
    ),
    Case(
        "long correct",
        VITD,
        "vitamin D",
        "Your skin makes vitamin D when exposed to UVB light from the sun.",
        "correct",
        ("vitamin D3",),
    ),
    Case(
        "long correct",
        GANDHI,
        "Gandhi",
        "Mohandas Karamchand Gandhi, known as Mahatma Gandhi, led the non-violent movement.",
        "correct",
    ),
    Case(
        "long correct",
        ORIGIN,
        "Charles Darwin",
        "Charles Darwin published it in 1859, more than twenty years after his voyage on HMS "
        "Beagle.",
        "correct",
        ("Darwin",),
    ),
    Case(
        "long correct",
        HEPTAGON,
        "7",
        "A heptagon has 7 sides and 7 angles; a hexagon has 6 sides.",
        "correct",
    ),
    Case(
        "long correct",
        TRIANGLE,
        "180",
        "The interior angles of any triangle add up to 180 degrees. In a square they add up to "
        "360 degrees.",
        "correct",
    ),
    # -- negation -----------------------------------------------------------------------------
    Case("negation", AUS, "Canberra", "It is not Canberra; the capital is Sydney.", "negated"),
    Case("negation", AUS, "Canberra", "The capital isn't Canberra, it's Sydney.", "negated"),
    Case("negation", AUS, "Canberra", "Sydney, not Canberra.", "negated"),
    Case("negation", AUS, "Canberra", "Canberra is not the capital; Sydney is.", "negated"),
    Case(
        "negation",
        CANADA,
        "Ottawa",
        "Contrary to what some think, it is Toronto, not Ottawa.",
        "negated",
    ),
    Case(
        "negation",
        MOON,
        "Neil Armstrong",
        "It was not Neil Armstrong but Buzz Aldrin.",
        "negated",
        ARM,
    ),
    Case("negation", SPIDER, "8", "Spiders do not have 8 legs; they have 6.", "negated"),
    Case(
        "negation",
        LANDING,
        "1969",
        "The landing was never in 1969; it happened in 1970.",
        "negated",
    ),
    Case("negation", TURKEY, "Ankara", "Istanbul, rather than Ankara.", "negated"),
    Case("negation", DIAMOND, "diamond", "It is not diamond; it is quartz.", "negated"),
    Case("negation", PB, "lead", "Not lead: Pb is tin.", "negated"),
    Case(
        "negation", NILE, "Nile", "The Nile doesn't flow through Cairo; the Jordan does.", "negated"
    ),
    Case("negation", AUS, "Canberra", "Canberra, not Sydney.", "correct"),
    Case("negation", AUS, "Canberra", "Not Sydney but Canberra.", "correct"),
    Case("negation", AUS, "Canberra", "No, it isn't Sydney. It's Canberra.", "correct"),
    Case("negation", CANADA, "Ottawa", "Ottawa — not Toronto, as many people think.", "correct"),
    Case("negation", SPIDER, "8", "Spiders have 8 legs, not 6 like insects.", "correct"),
    Case("negation", MOON, "Neil Armstrong", "Neil Armstrong, not Buzz Aldrin.", "correct", ARM),
    # -- hedges -------------------------------------------------------------------------------
    Case("hedge", AUS, "Canberra", "Either Sydney or Canberra.", "hedged"),
    Case("hedge", AUS, "Canberra", "It's Canberra or possibly Sydney.", "hedged"),
    Case("hedge", AUS, "Canberra", "I believe it is Canberra, or maybe Melbourne.", "hedged"),
    Case("hedge", LANDING, "1969", "1968 or 1969.", "hedged"),
    Case("hedge", LANDING, "1969", "It was in 1969 or 1970, I'm not sure which.", "hedged"),
    Case("hedge", LANDING, "1969", "Sometime between 1967 and 1969.", "hedged"),
    Case("hedge", LANDING, "1969", "1968–1969", "hedged"),
    Case("hedge", SPIDER, "8", "Spiders have 6 to 8 legs.", "hedged"),
    Case("hedge", SPIDER, "8", "Six or eight legs, depending on the species.", "hedged"),
    Case("hedge", MOON, "Neil Armstrong", "Neil Armstrong or Buzz Aldrin.", "hedged", ARM),
    Case(
        "hedge",
        MOON,
        "Neil Armstrong",
        "Neil Armstrong and Buzz Aldrin walked on the Moon first.",
        "hedged",
        ARM,
    ),
    Case("hedge", DIAMOND, "diamond", "Probably diamond or corundum.", "hedged"),
    Case("hedge", PB, "lead", "Tin or lead, I think.", "hedged"),
    Case("hedge", WW2, "1945", "The war ended in 1944 or 1945.", "hedged"),
    Case("hedge", HEARTS, "3", "An octopus has two or three hearts.", "hedged"),
    Case("hedge", TITAN, "Saturn", "Jupiter or Saturn.", "hedged"),
    Case("hedge", MERCURY, "Mercury", "Mercury or Venus, depending on how you measure.", "hedged"),
    Case("hedge", CANADA, "Ottawa", "Toronto or Ottawa.", "hedged"),
    Case("hedge", BEETHOVEN, "9", "Beethoven completed 9 or 10 symphonies.", "hedged"),
    Case(
        "hedge", RELATIVITY, "Albert Einstein", "Albert Einstein or Max Planck.", "hedged", EINSTEIN
    ),
    # single answers with a note of doubt still name one answer: not a hedge between answers
    Case("doubt, one answer", AUS, "Canberra", "I think it is Canberra.", "correct"),
    Case("doubt, one answer", LANDING, "1969", "Probably 1969.", "correct"),
    Case("doubt, one answer", SPIDER, "8", "I believe spiders have eight legs.", "correct"),
    # -- the right name inside a wrong claim -------------------------------------------------
    Case(
        "wrong claim, right name",
        MOON,
        "Neil Armstrong",
        "Buzz Aldrin was first; Neil Armstrong followed.",
        "wrong",
        ARM,
    ),
    Case(
        "wrong claim, right name",
        MOON,
        "Neil Armstrong",
        "Buzz Aldrin was the first man on the Moon. Neil Armstrong was his commander.",
        "wrong",
        ARM,
    ),
    Case(
        "wrong claim, right name",
        AUS,
        "Canberra",
        "Sydney is the capital of Australia. Canberra is a smaller city nearby.",
        "wrong",
    ),
    Case(
        "wrong claim, right name",
        CANADA,
        "Ottawa",
        "Toronto is the capital of Canada, about 400 km from Ottawa.",
        "wrong",
    ),
    Case(
        "wrong claim, right name",
        TELEPHONE,
        "Alexander Graham Bell",
        "Elisha Gray received the first telephone patent, ahead of Alexander Graham Bell.",
        "wrong",
        BELL,
    ),
    Case(
        "wrong claim, right name",
        RELATIVITY,
        "Albert Einstein",
        "Max Planck developed the theory of relativity; Einstein later popularised it.",
        "wrong",
        EINSTEIN,
    ),
    Case(
        "wrong claim, right name",
        MERCURY,
        "Mercury",
        "Venus is the closest planet to the Sun, just inside the orbit of Mercury.",
        "wrong",
    ),
    Case(
        "wrong claim, right name",
        TITAN,
        "Saturn",
        "Titan is the largest moon of Jupiter; Saturn has Enceladus.",
        "wrong",
    ),
    Case(
        "wrong claim, right name",
        SPACE,
        "Yuri Gagarin",
        "Alan Shepard was the first person in space in 1961, a few weeks after Gagarin's test flight.",
        "wrong",
        ("Gagarin",),
    ),
    Case(
        "wrong claim, right name",
        PENICILLIN,
        "Alexander Fleming",
        "Howard Florey discovered penicillin; Alexander Fleming only named it.",
        "wrong",
        ("Fleming",),
    ),
    Case(
        "wrong claim, right name",
        WW2,
        "1945",
        "The Second World War ended in 1946, a year after the 1945 atomic bombings.",
        "wrong",
    ),
    Case(
        "wrong claim, right name",
        LANDING,
        "1969",
        "Humans first landed on the Moon in 1968. The 1969 mission was the second.",
        "wrong",
    ),
    Case(
        "wrong claim, right name",
        ORIGIN,
        "Charles Darwin",
        "Alfred Russel Wallace wrote On the Origin of Species, based on Charles Darwin's notes.",
        "wrong",
        ("Darwin",),
    ),
    Case(
        "wrong claim, right name",
        HAMLET,
        "William Shakespeare",
        "Christopher Marlowe wrote Hamlet, though it is often credited to Shakespeare.",
        "wrong",
        ("Shakespeare",),
    ),
    Case(
        "wrong claim, right name",
        KILI,
        "Kilimanjaro",
        "Mount Kenya is the highest mountain in Africa, higher than Kilimanjaro.",
        "wrong",
        ("Mount Kilimanjaro",),
    ),
    # -- stray numbers --------------------------------------------------------------------------
    Case("stray number", SPIDER, "8", "A spider has six legs and eight eyes.", "wrong"),
    Case(
        "stray number", SPIDER, "8", "Spiders have 6 legs, 2 body parts and up to 8 eyes.", "wrong"
    ),
    Case(
        "stray number",
        HEARTS,
        "3",
        "An octopus has one heart, eight arms and three layers of skin.",
        "wrong",
    ),
    Case(
        "stray number",
        HEPTAGON,
        "7",
        "A heptagon has 9 sides; the word comes from the Greek for 7.",
        "wrong",
    ),
    Case(
        "stray number", CHESS, "64", "A chessboard has 32 squares, and 64 pieces in total.", "wrong"
    ),
    Case(
        "stray number", BOIL, "212", "Water boils at 100 °F at sea level, or 212 kelvin.", "wrong"
    ),
    Case("stray number", BONES, "206", "An adult has 300 bones; a baby has 206.", "wrong"),
    Case(
        "stray number", MINUTES, "1440", "A day has 24 hours, which is 86,400 seconds.", "not found"
    ),
    Case(
        "stray number", PIANO, "88", "A piano has 52 keys, 36 black ones and 88 hammers.", "wrong"
    ),
    Case(
        "stray number", WW1, "1914", "The First World War began in 1918 and ended in 1914.", "wrong"
    ),
    Case(
        "stray number",
        DECLARATION,
        "1776",
        "It was adopted in 1789, thirteen years after the 1776 war began.",
        "wrong",
    ),
    Case(
        "stray number",
        BEETHOVEN,
        "9",
        "Beethoven completed eight symphonies and 9 piano concertos.",
        "wrong",
    ),
    Case("stray number", PH, "7", "The pH of pure water is 6, or 7 on some scales.", "hedged"),
    # -- same surname / other names --------------------------------------------------------------
    Case("surname", MOON, "Neil Armstrong", "Louis Armstrong.", "wrong", ARM),
    Case("surname", MOON, "Neil Armstrong", "It was Lance Armstrong.", "wrong", ARM),
    Case("surname", MOON, "Neil Armstrong", "Armstrong — Neil Armstrong.", "correct", ARM),
    Case(
        "surname", RELATIVITY, "Albert Einstein", "Hans Einstein, Albert's son.", "wrong", EINSTEIN
    ),
    Case("surname", TELEPHONE, "Alexander Graham Bell", "Alexander Melville Bell.", "wrong", BELL),
    Case("surname", TELEPHONE, "Alexander Graham Bell", "Bell.", "correct", BELL),
    Case("surname", ORIGIN, "Charles Darwin", "Erasmus Darwin.", "wrong", ("Darwin",)),
    Case("surname", ORIGIN, "Charles Darwin", "Darwin.", "correct", ("Darwin",)),
    Case(
        "surname",
        PENICILLIN,
        "Alexander Fleming",
        "Ian Fleming discovered it.",
        "wrong",
        ("Fleming",),
    ),
    Case("surname", GANDHI, "Gandhi", "Indira Gandhi.", "wrong"),
    Case("surname", GANDHI, "Gandhi", "Mahatma Gandhi.", "correct"),
    Case("surname", ARMADA, "Elizabeth I", "Elizabeth II.", "not found"),
    Case("surname", LOUIS14, "Louis XIV", "Louis XVI.", "not found", ("Louis 14",)),
    Case(
        "surname",
        HAMLET,
        "William Shakespeare",
        "Shakespeare, of course.",
        "correct",
        ("Shakespeare",),
    ),
    # -- short words ----------------------------------------------------------------------------
    Case("short word", GOLD, "Au", "Au is silver.", "wrong"),
    Case("short word", GOLD, "Au", "Ag.", "wrong"),
    Case("short word", GOLD, "Au", "Gold's symbol, au revoir, is Gd.", "wrong"),
    Case("short word", POTASSIUM, "K", "P, for potassium.", "wrong"),
    Case("short word", POTASSIUM, "K", "It is Po; the k is silent.", "wrong"),
    Case("short word", POTASSIUM, "K", "The symbol for potassium is K.", "correct"),
    Case("short word", PH, "7", "Neutral.", "not found"),
    Case("short word", VITD, "vitamin D", "Vitamin A.", "not found", ("vitamin D3",)),
    Case("short word", VITD, "vitamin D", "Vitamin D.", "correct", ("vitamin D3",)),
    # -- known wrong answers ------------------------------------------------------------------
    Case("known wrong", AUS, "Canberra", "Canberra or Sydney.", "hedged", incorrect=("Sydney",)),
    Case("known wrong", AUS, "Canberra", "Sydney.", "wrong", incorrect=("Sydney",)),
    Case("known wrong", AUS, "Canberra", "Canberra, not Sydney.", "correct", incorrect=("Sydney",)),
    Case(
        "known wrong",
        DIAMOND,
        "diamond",
        "Graphite, a form of carbon like diamond.",
        "wrong",
        incorrect=("graphite",),
    ),
    Case(
        "known wrong",
        DIAMOND,
        "diamond",
        "Diamond; graphite is very soft.",
        "correct",
        incorrect=("graphite",),
    ),
    Case(
        "known wrong",
        CELL,
        "mitochondria",
        "The nucleus.",
        "wrong",
        ("mitochondrion",),
        ("nucleus",),
    ),
    # -- plain wrong ------------------------------------------------------------------------------
    Case("plain wrong", AUS, "Canberra", "Sydney.", "wrong"),
    Case("plain wrong", AUS, "Canberra", "The capital of Australia is Melbourne.", "wrong"),
    Case("plain wrong", CANADA, "Ottawa", "Toronto.", "wrong"),
    Case("plain wrong", TURKEY, "Ankara", "Istanbul is the capital of Turkey.", "wrong"),
    Case("plain wrong", MOON, "Neil Armstrong", "Yuri Gagarin.", "wrong", ARM),
    Case("plain wrong", SPIDER, "8", "Six.", "wrong"),
    Case("plain wrong", LANDING, "1969", "1972.", "wrong"),
    Case("plain wrong", WW2, "1945", "The war ended in 1918.", "wrong"),
    Case("plain wrong", HEARTS, "3", "One heart.", "wrong"),
    Case("plain wrong", BOIL, "212", "100 degrees.", "wrong"),
    Case("plain wrong", DIAMOND, "diamond", "Quartz.", "wrong"),
    Case("plain wrong", TITAN, "Saturn", "Jupiter.", "wrong"),
    Case(
        "plain wrong",
        HAMLET,
        "William Shakespeare",
        "Christopher Marlowe.",
        "wrong",
        ("Shakespeare",),
    ),
    Case("plain wrong", ELEMENT1, "hydrogen", "Helium.", "wrong"),
    Case("plain wrong", GOLD, "Au", "Ag", "wrong"),
    Case("plain wrong", CARDS, "52", "54 cards.", "wrong"),
    Case("plain wrong", PIANO, "88", "There are 76 keys.", "wrong"),
    Case("plain wrong", SPACE, "Yuri Gagarin", "Alan Shepard.", "wrong", ("Gagarin",)),
    Case("plain wrong", ARMADA, "Elizabeth I", "Mary I.", "wrong"),
    Case("plain wrong", WALL, "Hadrian", "Antoninus Pius.", "wrong"),
    Case("plain wrong", NILE, "Nile", "I don't know.", "not found"),
    Case("plain wrong", NILE, "Nile", "The Tigris.", "wrong"),
    # -- long verbose wrong -------------------------------------------------------------------
    Case(
        "long wrong",
        AUS,
        "Canberra",
        "Australia's capital is Sydney, its largest and best-known city. Other major cities "
        "include Melbourne, Brisbane, Perth and Canberra.",
        "wrong",
    ),
    Case(
        "long wrong",
        MOON,
        "Neil Armstrong",
        "The first person to walk on the Moon was Buzz Aldrin in 1969. The Apollo 11 crew also "
        "included Neil Armstrong and Michael Collins.",
        "wrong",
        ARM,
    ),
    Case(
        "long wrong",
        SPIDER,
        "8",
        "Spiders have six legs, like all insects. Some species also have eight eyes and two "
        "main body segments.",
        "wrong",
    ),
    Case(
        "long wrong",
        LANDING,
        "1969",
        "Humans first landed on the Moon in 1967. Later missions followed in 1969 and 1971.",
        "wrong",
    ),
    Case(
        "long wrong",
        TITAN,
        "Saturn",
        "Titan is the largest moon of Jupiter. Saturn and Uranus also have many moons.",
        "wrong",
    ),
    Case(
        "long wrong",
        RELATIVITY,
        "Albert Einstein",
        "The theory of relativity was developed by Isaac Newton. Albert Einstein later refined "
        "some of its equations.",
        "wrong",
        EINSTEIN,
    ),
    Case(
        "long wrong",
        WW2,
        "1945",
        "The Second World War ended in 1944 with the liberation of Paris; fighting in the "
        "Pacific went on into 1945.",
        "wrong",
    ),
    Case(
        "long wrong",
        CANADA,
        "Ottawa",
        "Canada's capital is Toronto, home to the CN Tower. Ottawa and Montreal are other "
        "important cities.",
        "wrong",
    ),
    Case(
        "long wrong",
        BEETHOVEN,
        "9",
        "Beethoven completed ten symphonies over his career; his Ninth, with its choral finale, "
        "is the most famous.",
        "wrong",
    ),
    Case(
        "long wrong",
        HEARTS,
        "3",
        "An octopus has a single heart, like us, though it has nine brains and 3 kinds of "
        "pigment cells.",
        "wrong",
    ),
    # -- empty -----------------------------------------------------------------------------------
    Case("empty", AUS, "Canberra", "", "empty"),
    Case("empty", SPIDER, "8", "   \n ", "empty"),
)

# Written after the rules were settled and measured once, without tuning on them: the check
# has not seen these while it was being written, so they tell how it may do on new answers.
SEINE = "Which river flows through Paris?"
EVEREST_H = "What is the highest mountain on Earth?"
TEETH = "How many teeth are in a full set of adult human teeth, including wisdom teeth?"
PEARL = "In which year did Japan attack Pearl Harbor?"
LOVELACE = "Which 19th-century English mathematician is often called the first computer programmer?"
FREUD = "Which Austrian neurologist founded psychoanalysis?"
OXYGEN = "Which gas makes up about 78% of Earth's atmosphere?"
SQUAD = "How many players does each team have on the field in a game of association football?"
MANDELA = "In which year did Nelson Mandela become President of South Africa?"
JAPAN = "What is the capital of Japan?"

HELD_OUT: tuple[Case, ...] = (
    Case("plain correct", SEINE, "Seine", "The Seine.", "correct"),
    Case(
        "long correct",
        SEINE,
        "Seine",
        "Paris is built on the banks of the Seine, which flows on to Rouen and Le Havre.",
        "correct",
    ),
    Case("hedge", SEINE, "Seine", "The Seine or the Loire.", "hedged"),
    Case("negation", SEINE, "Seine", "Not the Seine; the Rhône flows through Paris.", "negated"),
    Case(
        "wrong claim, right name",
        SEINE,
        "Seine",
        "The Loire flows through Paris before joining the Seine.",
        "wrong",
    ),
    Case(
        "plain correct", EVEREST_H, "Mount Everest", "Everest, at 8,849 m.", "correct", ("Everest",)
    ),
    Case(
        "long wrong",
        EVEREST_H,
        "Mount Everest",
        "K2 is the highest mountain on Earth; Everest is second.",
        "wrong",
        ("Everest",),
    ),
    Case("format", TEETH, "32", "Thirty-two.", "correct"),
    Case(
        "long correct",
        TEETH,
        "32",
        "Adults have 32 teeth, including 4 wisdom teeth; children have 20 milk teeth.",
        "correct",
    ),
    Case(
        "stray number",
        TEETH,
        "32",
        "Adults have 28 teeth, plus up to 4 wisdom teeth, 32 in all.",
        "correct",
    ),
    Case("hedge", TEETH, "32", "Between 28 and 32 teeth.", "hedged"),
    Case("plain correct", PEARL, "1941", "December 7, 1941.", "correct"),
    Case("hedge", PEARL, "1941", "1941 or 1942.", "hedged"),
    Case(
        "long wrong",
        PEARL,
        "1941",
        "Japan attacked Pearl Harbor in 1942, a year after the war in Europe widened in 1941.",
        "wrong",
    ),
    Case("plain correct", LOVELACE, "Ada Lovelace", "Ada Lovelace.", "correct", ("Lovelace",)),
    Case("surname", LOVELACE, "Ada Lovelace", "Linda Lovelace.", "wrong", ("Lovelace",)),
    Case(
        "wrong claim, right name",
        LOVELACE,
        "Ada Lovelace",
        "Charles Babbage was the first programmer; Ada Lovelace translated his notes.",
        "wrong",
        ("Lovelace",),
    ),
    Case(
        "plain correct",
        FREUD,
        "Sigmund Freud",
        "Sigmund Freud founded psychoanalysis in Vienna.",
        "correct",
        ("Freud",),
    ),
    Case("surname", FREUD, "Sigmund Freud", "Anna Freud.", "wrong", ("Freud",)),
    Case("hedge", FREUD, "Sigmund Freud", "Freud or Jung.", "hedged", ("Freud",)),
    Case("plain correct", OXYGEN, "nitrogen", "Nitrogen, about 78%.", "correct"),
    Case(
        "long correct",
        OXYGEN,
        "nitrogen",
        "Nitrogen makes up about 78% of the air; oxygen is about 21%.",
        "correct",
    ),
    Case("negation", OXYGEN, "nitrogen", "It's oxygen, not nitrogen.", "negated"),
    Case("hedge", OXYGEN, "nitrogen", "Oxygen or nitrogen.", "hedged"),
    Case("plain correct", SQUAD, "11", "Eleven players.", "correct"),
    Case(
        "stray number",
        SQUAD,
        "11",
        "Each team has 10 outfield players and 1 goalkeeper, 11 in all.",
        "correct",
    ),
    Case("plain wrong", SQUAD, "11", "Nine players, as in baseball.", "wrong"),
    Case(
        "plain correct", MANDELA, "1994", "In 1994, after the first all-race elections.", "correct"
    ),
    Case(
        "long wrong",
        MANDELA,
        "1994",
        "Mandela became President in 1990, the year he left prison; elections followed in 1994.",
        "wrong",
    ),
    Case("plain correct", JAPAN, "Tokyo", "Tokyo.", "correct"),
    Case(
        "wrong claim, right name",
        JAPAN,
        "Tokyo",
        "Kyoto is the capital of Japan, though Tokyo is larger.",
        "wrong",
    ),
    Case("format", JAPAN, "Tokyo", "TOKYO", "correct"),
)


# Tried after HELD_OUT was scored: long right answers as chat models write them (15 of the 17
# were recognised at first; the sentence, not the clause, became the unit of assertion), and
# answers that name the reference beside the person who is the answer.
TRIED_AFTER: tuple[Case, ...] = (
    Case(
        "long correct",
        "Which Scottish scientist discovered penicillin in 1928?",
        "Alexander Fleming",
        "Penicillin was discovered by Sir Alexander Fleming, a Scottish bacteriologist, at St Mary's Hospital in London.",
        "correct",
        ("Fleming",),
    ),
    Case(
        "long correct",
        "Who was the first woman to win a Nobel Prize?",
        "Marie Curie",
        "Marie Curie was the first woman to win a Nobel Prize, receiving the Physics prize in 1903 together with Pierre Curie and Henri Becquerel.",
        "correct",
        ("Curie",),
    ),
    Case(
        "long correct",
        "Who was granted the first US patent for the telephone, in 1876?",
        "Alexander Graham Bell",
        "The first US patent for the telephone was granted to Alexander Graham Bell on March 7, 1876.",
        "correct",
        ("Graham Bell", "Bell"),
    ),
    Case(
        "long correct",
        "Which leader of India's independence movement was called Mahatma?",
        "Gandhi",
        "Mohandas K. Gandhi, widely known as Mahatma Gandhi, led India's independence movement against British rule.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "Who led the Bolsheviks when they seized power in Russia in 1917?",
        "Vladimir Lenin",
        "Vladimir Lenin led the Bolsheviks in the October Revolution of 1917, with Leon Trotsky organising the seizure of Petrograd.",
        "correct",
        ("Lenin",),
    ),
    Case(
        "long correct",
        "In which year did the Chernobyl nuclear disaster happen?",
        "1986",
        "The Chernobyl disaster happened on 26 April 1986 at the Chernobyl Nuclear Power Plant in the Ukrainian SSR, then part of the Soviet Union.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "How many chromosomes are in a typical human body cell?",
        "46",
        "A typical human body cell has 46 chromosomes, arranged in 23 pairs.",
        "correct",
        ("23 pairs",),
    ),
    Case(
        "long correct",
        "How many players does each team have on the field in a game of association football (soccer)?",
        "11",
        "Each team has 11 players on the field, including one goalkeeper.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "What is the atomic number of carbon?",
        "6",
        "Carbon has an atomic number of 6, meaning it has 6 protons.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "In which year did William Shakespeare die?",
        "1616",
        "William Shakespeare died on 23 April 1616 in Stratford-upon-Avon, aged 52.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "Which planet is known as the Red Planet?",
        "Mars",
        "Mars is known as the Red Planet because iron oxide (rust) on its surface gives it a reddish appearance.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "Which navigator, sailing for Spain, reached the Americas in 1492?",
        "Christopher Columbus",
        "Christopher Columbus, an Italian explorer sailing for the Spanish Crown, reached the Americas in 1492.",
        "correct",
        ("Columbus",),
    ),
    Case(
        "long correct",
        "Who co-founded Microsoft with Paul Allen in 1975?",
        "Bill Gates",
        "Bill Gates co-founded Microsoft with Paul Allen in 1975 in Albuquerque, New Mexico.",
        "correct",
        ("Gates",),
    ),
    Case(
        "long correct",
        "Which heavyweight boxing champion was born Cassius Clay?",
        "Muhammad Ali",
        "Muhammad Ali, born Cassius Marcellus Clay Jr., was a three-time heavyweight champion.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "Which Greek philosopher was the tutor of Alexander the Great?",
        "Aristotle",
        "Aristotle tutored Alexander the Great, having himself studied under Plato at the Academy in Athens.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "What is the capital city of Brazil?",
        "Brasília",
        "The capital of Brazil is Brasília, not Rio de Janeiro or São Paulo.",
        "correct",
        (),
    ),
    Case(
        "long correct",
        "How many hearts does an octopus have?",
        "3",
        "Octopuses have 3 hearts.",
        "correct",
        (),
    ),
    Case(
        "wrong claim, right name",
        "Which navigator, sailing for Spain, reached the Americas in 1492?",
        "Christopher Columbus",
        "Amerigo Vespucci, sailing after Christopher Columbus, reached the Americas in 1492.",
        "wrong",
        ("Columbus",),
    ),
    Case(
        "wrong claim, right name",
        "Who was the first woman to win a Nobel Prize?",
        "Marie Curie",
        "Bertha von Suttner was the first woman to win a Nobel Prize, before Marie Curie won hers.",
        "wrong",
        ("Curie",),
    ),
    Case(
        "surname",
        "Who was the first woman to win a Nobel Prize?",
        "Marie Curie",
        "Pierre Curie.",
        "wrong",
        ("Curie",),
    ),
    Case(
        "hedge",
        "Who was the first woman to win a Nobel Prize?",
        "Marie Curie",
        "Ève Curie or Marie Curie.",
        "hedged",
        ("Curie",),
    ),
    Case(
        "surname",
        "Who was the first person to walk on the Moon?",
        "Neil Armstrong",
        "Louis Armstrong; Neil Armstrong was the astronaut who followed.",
        "wrong",
        ("Armstrong",),
    ),
    Case(
        "wrong claim, right name",
        "Who was the first person to walk on the Moon?",
        "Neil Armstrong",
        "Buzz Aldrin walked on the Moon before Neil Armstrong.",
        "wrong",
        ("Armstrong",),
    ),
    Case(
        "wrong claim, right name",
        "Which heavyweight boxing champion was born Cassius Clay?",
        "Muhammad Ali",
        "Joe Frazier, who fought Muhammad Ali three times.",
        "wrong",
        (),
    ),
)

# Cases from a run of 500 Natural Questions (NQ-open) on the bundled model (issue 16): the
# false credits and refusals found there, written as the model wrote them (or as close
# variants), with the commas-that-are-not-lists that a list rule must leave alone. Measured
# once before the rules for them were written (docs/evaluation.md).
GREENLAND = "is greenland part of europe or north america"
INDIA = "what languages are spoken in india the most"
INDIA_REF = "Bengali|Telugu|Marathi|Hindi|English"
ACTOR = "which indian actor has won most national awards"
FATHERS = "who are considered to be the founding fathers"
FATHERS_REF = (
    "George Washington|Benjamin Franklin|John Adams|Alexander Hamilton|John Jay|James Madison"
    "|Thomas Jefferson"
)
BASES = "what are the 4 types of nitrogenous bases"
BASES_REF = "cytosine (C)|adenine (A)|uracil (U)|thymine (T)|guanine (G)"
ZIPPO = "what type of fuel goes in a zippo"
MENINGES = "what are the 3 layers of the meninges"
MENINGES_REF = "the arachnoid mater|arachnoid mater|pia mater|the pia mater|dura mater"
LIFE = "what are the basic building blocks of all living things"
FREUD_Q = "who is regarded as the founder of psychoanalysis"
COST = "consist of the sum of the fixed and variable costs for any given level of production"
APOLLO_CREW = "Who flew to the Moon on Apollo 11?"
APOLLO_17 = "When did the last astronauts leave the Moon?"
FRANCE = "What is the capital of France?"

FROM_NQ_RUN: tuple[Case, ...] = (
    Case("question's options", GREENLAND, "North America", "Europe or North America.", "hedged"),
    Case(
        "question's options",
        GREENLAND,
        "North America",
        "is greenland part of europe or north america",
        "hedged",
    ),
    Case(
        "question's options",
        GREENLAND,
        "North America",
        "North America or Europe, depending on how you count.",
        "hedged",
    ),
    Case("question's options", GREENLAND, "North America", "North America.", "correct"),
    Case(
        "question's options", GREENLAND, "North America", "It is part of North America.", "correct"
    ),
    Case(
        "question's options",
        GREENLAND,
        "North America",
        "Geographically it is part of North America, not Europe.",
        "correct",
    ),
    Case(
        "list of guesses", INDIA, INDIA_REF, "english, chinese, german, arabic, spanish", "hedged"
    ),
    Case(
        "list of guesses",
        INDIA,
        INDIA_REF,
        "Hindi, Tamil, Telugu, Kannada, and Malayalam.\n",
        "hedged",
    ),
    Case(
        "list of guesses",
        INDIA,
        INDIA_REF,
        "Indian languages are spoken in the following countries:\n\n1. Hindi (India)\n"
        "2. Sanskrit (India)\n3. Persian\n4. Telugu\n",
        "hedged",
    ),
    Case("list of guesses", INDIA, INDIA_REF, "Hindi, Bengali and Telugu.", "correct"),
    Case("list of guesses", INDIA, INDIA_REF, "Hindi.", "correct"),
    Case(
        "list of guesses",
        ACTOR,
        "Amitabh Bachchan",
        "\n1. Amitabh Bachchan\n2. Shahrukh Khan\n3. Salman Khan\n4. Hrithik Roshan\n"
        "5. Deepika Padukone\n",
        "hedged",
    ),
    Case(
        "list of guesses", ACTOR, "Amitabh Bachchan", "- Amitabh Bachchan\n- Kamal Haasan", "hedged"
    ),
    Case("list of guesses", ACTOR, "Amitabh Bachchan", "Amitabh Bachchan.", "correct"),
    Case(
        "list of guesses",
        FATHERS,
        FATHERS_REF,
        "Thomas Jefferson, James Madison and John Adams",
        "correct",
    ),
    Case(
        "list of guesses",
        FATHERS,
        FATHERS_REF,
        "The first three were: Thomas Jefferson, James Madison and George Washington. They are "
        "considered to be the founding fathers for their role in shaping U.S. history.\n",
        "correct",
    ),
    Case(
        "list of guesses",
        FATHERS,
        FATHERS_REF,
        "George Washington, Abraham Lincoln and Thomas Jefferson.",
        "hedged",
    ),
    Case(
        "list of guesses",
        BASES,
        BASES_REF,
        "\nThe 4 types of nitrogenous bases are:\n1. Adenine (A)\n2. Cytosine (C)\n3. Guanine (G)\n"
        "4. Thymine (T)\n",
        "correct",
    ),
    Case(
        "list of guesses",
        BASES,
        BASES_REF,
        "\nThe 4 types of nitrogenous bases are:\n1. Adenine (A)\n2. Cytosine (C)\n3. Guanine",
        "correct",
    ),
    Case(
        "list of guesses",
        ZIPPO,
        "lighter fluid|butane",
        " Fire.\n\n1. **Fuel:** natural gas, propane and butane,\n2. **Where:** in a cylinder or "
        "a container to burn with oxygen.",
        "hedged",
    ),
    Case("list of guesses", ZIPPO, "lighter fluid|butane", "Butane.", "correct"),
    Case(
        "list of guesses",
        MENINGES,
        MENINGES_REF,
        "The three main layers of the meninges are:\n1. The dura mater (outer layer) - covers "
        "the brain;\n2. The arachnoid mater (middle layer)\n3. The pia mater (inner layer)",
        "correct",
    ),
    Case("list of guesses", NILE, "Nile", "The Nile, the Amazon and the Yangtze.", "hedged"),
    Case(
        "list of guesses", MOON, "Neil Armstrong", "Armstrong, Aldrin and Collins.", "hedged", ARM
    ),
    Case(
        "commas, not a list",
        APOLLO_CREW,
        "Neil Armstrong|Buzz Aldrin|Michael Collins",
        "Armstrong, Aldrin and Collins.",
        "correct",
        ("Armstrong", "Aldrin", "Collins"),
    ),
    Case(
        "commas, not a list",
        AUS,
        "Canberra",
        "Canberra, the capital, has 400,000 people.",
        "correct",
    ),
    Case("commas, not a list", FRANCE, "Paris", "Paris, France", "correct"),
    Case("commas, not a list", APOLLO_17, "14 December 1972", "On 14 December 1972.", "correct"),
    Case(
        "commas, not a list",
        "where is the oldest civilization known to man",
        "Mesopotamia",
        "Mesopotamia, ancient city in the Fertile Crescent.\n",
        "correct",
    ),
    Case(
        "commas, not a list",
        AUS,
        "Canberra",
        "- Canberra, of course.\n- It became the capital in 1913.",
        "correct",
    ),
    Case("plural", LIFE, "cells", "The cell.", "correct"),
    Case("plural", LIFE, "cell", "Cells, of course.", "correct"),
    Case("plural", LIFE, "cells", "The cellist.", "not found"),
    Case(
        "word family",
        FREUD_Q,
        "Austrian neurologist Sigmund Freud|Sigmund Freud",
        "Sigmund Freud was a psychoanalyst.",
        "correct",
    ),
    Case(
        "bracketed gloss",
        COST,
        "total cost (TC)",
        "Total cost is the sum of fixed and variable costs",
        "correct",
    ),
)

# Written after the rules for FROM_NQ_RUN were settled, and measured once before any change
# (docs/evaluation.md gives that first score): how the list, options and plural rules do on
# answers they were not fitted to.
RINGS = "which planets have rings"
RINGS_REF = "Saturn|Jupiter|Uranus|Neptune"
ITALY = "What is the capital of Italy?"
THOR = "which day of the week is named after thor"
FLAG = "what colors are on the flag of france"
PRIDE = "who wrote pride and prejudice"
TOMATO = "is a tomato a fruit or a vegetable"
LEAF = "what part of the plant makes food"
CATERPILLAR = "what do caterpillars turn into"

HELD_OUT_NQ: tuple[Case, ...] = (
    Case("list of guesses", RINGS, RINGS_REF, "Saturn, Jupiter, Uranus and Neptune.", "correct"),
    Case("list of guesses", RINGS, RINGS_REF, "Saturn, Mars and Venus.", "hedged"),
    Case("list of guesses", RINGS, RINGS_REF, "1. Saturn\n2. Mars\n3. Earth", "hedged"),
    Case("list of guesses", RINGS, RINGS_REF, "Saturn, which is famous for them.", "correct"),
    Case("list of guesses", ITALY, "Rome", "Rome, Milan, Naples or Turin.", "hedged"),
    Case("commas, not a list", ITALY, "Rome", "Rome, the Eternal City, is the capital.", "correct"),
    Case("commas, not a list", ITALY, "Rome", "Rome, Lazio, Italy", "correct"),
    Case("list of guesses", THOR, "Thursday", "Thursday.", "correct"),
    Case("list of guesses", THOR, "Thursday", "Tuesday, Wednesday or Thursday.", "hedged"),
    Case("list of guesses", FLAG, "blue|white|red", "blue, white and red", "correct"),
    Case("list of guesses", FLAG, "blue|white|red", "blue, white and green", "hedged"),
    Case(
        "commas, not a list",
        PRIDE,
        "Jane Austen",
        "Jane Austen, the English novelist, in 1813.",
        "correct",
    ),
    Case(
        "list of guesses",
        PRIDE,
        "Jane Austen",
        "Jane Austen, Charlotte Brontë or Emily Brontë.",
        "hedged",
    ),
    Case("list of guesses", PRIDE, "Jane Austen", "* Jane Austen\n* Charlotte Bronte", "hedged"),
    Case("list of guesses", PRIDE, "Jane Austen", "Books:\n* Jane Austen (1813)", "correct"),
    Case("question's options", TOMATO, "fruit", "A fruit.", "correct"),
    Case("question's options", TOMATO, "fruit", "A fruit or a vegetable.", "hedged"),
    Case(
        "question's options",
        TOMATO,
        "fruit",
        "Botanically a fruit, though cooks treat it as a vegetable.",
        "correct",
    ),
    Case("plural", LEAF, "leaves", "The leaf.", "correct"),
    Case("plural", CATERPILLAR, "butterflies", "A butterfly.", "correct"),
)

# Answers that probe the list rule from both sides — descriptions and dates after commas that
# are not candidates, lists of one kind that are — tried once after the rules above were
# settled (docs/evaluation.md): 13 of 15 were judged right at first.
PROBE_MOON = "Who was the first person to walk on the Moon?"
MINERAL = "What is the hardest naturally occurring mineral?"
POWERHOUSE = "Which organelle is often called the powerhouse of the cell?"

LIST_PROBES: tuple[Case, ...] = (
    Case(
        "commas, not a list",
        PROBE_MOON,
        "Neil Armstrong",
        "Neil Armstrong, followed by Buzz Aldrin, in 1969.",
        "correct",
    ),
    Case(
        "commas, not a list",
        MERCURY,
        "Mercury",
        "Mercury, the smallest planet, and the closest to the Sun.",
        "correct",
    ),
    Case(
        "commas, not a list",
        AUS,
        "Canberra",
        "The capital of Australia is Canberra, located in the ACT, not Sydney or Melbourne.",
        "correct",
    ),
    Case(
        "list of guesses",
        FATHERS,
        "George Washington|John Adams|Thomas Jefferson",
        "George Washington, John Adams, and Thomas Jefferson were among them.",
        "correct",
    ),
    Case(
        "commas, not a list",
        INDIA,
        "Hindi",
        "Hindi, spoken by about 44% of people, is the most spoken.",
        "correct",
    ),
    Case(
        "commas, not a list",
        "Which planet has the most famous rings?",
        "Saturn",
        "Saturn, the sixth planet, has the most famous rings.",
        "correct",
    ),
    Case("list of guesses", FLAG, "blue|white|red", "Blue, white and green.", "hedged"),
    Case("list of guesses", NILE, "Nile", "The Nile, the Amazon and the Yangtze.", "hedged"),
    Case("commas, not a list", AUS, "Canberra", "Canberra, ACT, Australia.", "correct"),
    Case(
        "commas, not a list",
        "Who painted the Mona Lisa?",
        "Leonardo da Vinci",
        "Leonardo da Vinci, around 1503, in Florence.",
        "correct",
    ),
    Case("list of guesses", MINERAL, "diamond", "Diamond, quartz and corundum.", "hedged"),
    Case(
        "commas, not a list",
        MINERAL,
        "diamond",
        "diamond, with a hardness of 10, then corundum and topaz.",
        "correct",
    ),
    Case(
        "commas, not a list",
        POWERHOUSE,
        "mitochondria",
        "Mitochondria, often called the powerhouse, produce ATP, energy and heat.",
        "correct",
    ),
    Case("plural", POWERHOUSE, "mitochondria", "Mitochondrion.", "correct"),
    Case("plural", POWERHOUSE, "mitochondria", "The mitochondria.", "correct"),
)
