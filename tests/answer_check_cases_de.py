"""Labelled German cases for the automatic answer check (tests/test_answer_check_de.py).

The German twin of tests/answer_check_cases.py, written for issue 18: questions of the German
factual set (resources/prompt_sets/faktenfragen-de.jsonl) with answers as a chat model writes
them in German — right ones in a sentence, wrong ones, hedged lists of guesses ("vielleicht",
"entweder … oder"), denials ("nicht", "kein"), umlauts and ß written out or left off, numbers in
words and articles. The expected verdicts were fixed before the check was measured on them.
"""

from __future__ import annotations

from answer_check_cases import Case

AUS = "Was ist die Hauptstadt von Australien?"
KOELN = "Welcher Fluss fließt durch Köln?"
BAYERN = "Was ist die Landeshauptstadt von Bayern?"
NRW = "Was ist die Landeshauptstadt von Nordrhein-Westfalen?"
ZUG = "Wie heißt der höchste Berg Deutschlands?"
GIB = "Welche Meerenge trennt Spanien von Marokko?"
FE = "Welches chemische Element hat das Symbol Fe?"
K = "Welches chemische Element hat das Symbol K?"
HB = "Welches eisenhaltige Protein transportiert den Sauerstoff im Blut?"
INSULIN = "Welches Organ des Menschen produziert Insulin?"
MILCH = "Wie heißt die Galaxie, zu der unser Sonnensystem gehört?"
KANZLER = "Wer war der erste Bundeskanzler der Bundesrepublik Deutschland?"
MOND = "Wer betrat 1969 als erster Mensch den Mond?"
LUTHER = "Welcher Reformator veröffentlichte 1517 seine 95 Thesen?"
KARL = "Welcher Kaiser wurde im Jahr 800 in Rom gekrönt?"
FAUST = "Wer schrieb den Faust?"
RAEUBER = "Wer schrieb das Drama „Die Räuber“?"
DUERER = "Wer schuf den Kupferstich „Melencolia I“ und das Selbstbildnis im Pelzrock?"
ZAUBER = "Wer komponierte die Oper „Die Zauberflöte“?"
STRAUSS = "Wer komponierte den Walzer „An der schönen blauen Donau“?"
ROENTGEN = "Wer entdeckte 1895 die nach ihm benannten Strahlen?"
MAUER = "In welchem Jahr fiel die Berliner Mauer?"
LANDUNG = "In welchem Jahr landeten erstmals Menschen auf dem Mond?"
LAENDER = "Wie viele Bundesländer hat Deutschland?"
SPINNE = "Wie viele Beine hat eine Spinne?"
MINUTEN = "Wie viele Minuten hat ein Tag?"
KNOCHEN = "Aus wie vielen Knochen besteht das Skelett eines erwachsenen Menschen in der Regel?"
SCHALT = "Wie viele Tage hat ein Schaltjahr?"
FUSSBALL = "Wie viele Spieler einer Fußballmannschaft stehen gleichzeitig auf dem Feld?"
CHROM = "Wie viele Chromosomen hat eine normale menschliche Körperzelle?"
KLAVIER = "Wie viele Tasten hat ein übliches Klavier?"
EURO = "In welchem Jahr wurde der Euro als Bargeld eingeführt?"
EINSTEIN = "Wer entwickelte die Relativitätstheorie?"
NIL = "Welcher Fluss fließt durch Kairo?"
MERKUR = "Welcher Planet ist der Sonne am nächsten?"
TITANIC = "In welchem Jahr sank die Titanic?"
GUTENBERG = "Wer erfand um 1450 den Buchdruck mit beweglichen Lettern in Europa?"
MONA = "Wer malte die Mona Lisa?"
KAFKA = "Wer schrieb „Die Verwandlung“, in der Gregor Samsa als Ungeziefer erwacht?"

CASES_DE: tuple[Case, ...] = (
    # Right answers in a sentence, with and without articles.
    Case("plain", AUS, "Canberra", "Die Hauptstadt von Australien ist Canberra.", "correct"),
    Case("plain", AUS, "Canberra", "Canberra.", "correct"),
    Case("plain", AUS, "Canberra", "Die Antwort lautet: Canberra.", "correct"),
    Case("article", KOELN, "Rhein", "Der Rhein.", "correct"),
    Case("article", KOELN, "Rhein", "Durch Köln fließt der Rhein.", "correct"),
    Case("article", KOELN, "Rhein", "Köln liegt am Rhein.", "correct"),
    Case("article", ZUG, "Zugspitze", "Das ist die Zugspitze mit 2962 Metern.", "correct"),
    Case("article", ZUG, "Zugspitze", "Die Zugspitze.", "correct"),
    Case("article", MILCH, "Milchstraße", "Unser Sonnensystem gehört zur Milchstraße.", "correct"),
    Case(
        "article",
        HB,
        "Hämoglobin",
        "Das ist das Hämoglobin in den roten Blutkörperchen.",
        "correct",
    ),
    Case("plain", FE, "Eisen", "Fe steht für Eisen.", "correct"),
    Case(
        "plain",
        FE,
        "Eisen",
        "Das Element mit dem Symbol Fe ist Eisen (lateinisch ferrum).",
        "correct",
    ),
    Case("plain", K, "Kalium", "K ist das Symbol für Kalium.", "correct"),
    Case(
        "plain",
        INSULIN,
        "Bauchspeicheldrüse",
        "Insulin wird in der Bauchspeicheldrüse gebildet.",
        "correct",
        ("Pankreas",),
    ),
    Case("alias", INSULIN, "Bauchspeicheldrüse", "Das Pankreas.", "correct", ("Pankreas",)),
    Case(
        "surname",
        KANZLER,
        "Konrad Adenauer",
        "Konrad Adenauer war von 1949 bis 1963 der erste Bundeskanzler.",
        "correct",
        ("Adenauer",),
    ),
    Case("surname", KANZLER, "Konrad Adenauer", "Adenauer.", "correct", ("Adenauer",)),
    Case(
        "surname",
        MOND,
        "Neil Armstrong",
        "Neil Armstrong betrat am 21. Juli 1969 als erster Mensch den Mond.",
        "correct",
        ("Armstrong",),
    ),
    Case("surname", MOND, "Neil Armstrong", "Das war Armstrong.", "correct", ("Armstrong",)),
    Case(
        "plain",
        LUTHER,
        "Martin Luther",
        "Martin Luther schlug 1517 seine Thesen in Wittenberg an.",
        "correct",
        ("Luther",),
    ),
    Case(
        "plain",
        KARL,
        "Karl der Große",
        "Karl der Große wurde an Weihnachten 800 in Rom zum Kaiser gekrönt.",
        "correct",
        ("Karl I.",),
    ),
    Case(
        "plain",
        FAUST,
        "Johann Wolfgang von Goethe",
        "Goethe schrieb den Faust.",
        "correct",
        ("Goethe", "Johann Wolfgang Goethe"),
    ),
    Case(
        "plain",
        FAUST,
        "Johann Wolfgang von Goethe",
        "Der Faust stammt von Johann Wolfgang von Goethe.",
        "correct",
        ("Goethe", "Johann Wolfgang Goethe"),
    ),
    Case(
        "plain",
        RAEUBER,
        "Friedrich Schiller",
        "„Die Räuber“ ist das erste Drama von Friedrich Schiller.",
        "correct",
        ("Schiller", "Friedrich von Schiller"),
    ),
    Case(
        "plain",
        ZAUBER,
        "Wolfgang Amadeus Mozart",
        "Die Zauberflöte wurde von Wolfgang Amadeus Mozart komponiert.",
        "correct",
        ("Mozart",),
    ),
    Case("doubt, one answer", AUS, "Canberra", "Ich glaube, es ist Canberra.", "correct"),
    Case(
        "doubt, one answer",
        MOND,
        "Neil Armstrong",
        "Ich bin mir ziemlich sicher: Neil Armstrong.",
        "correct",
        ("Armstrong",),
    ),
    # Umlauts and ß: written out, left off, or as in the reference.
    Case("umlaut", BAYERN, "München", "Die Landeshauptstadt von Bayern ist Muenchen.", "correct"),
    Case("umlaut", BAYERN, "München", "Munchen.", "correct"),
    Case("umlaut", BAYERN, "München", "München ist die Landeshauptstadt.", "correct"),
    Case("umlaut", NRW, "Düsseldorf", "Duesseldorf ist die Landeshauptstadt von NRW.", "correct"),
    Case("umlaut", NRW, "Düsseldorf", "Dusseldorf.", "correct"),
    Case("umlaut", HB, "Hämoglobin", "Haemoglobin.", "correct"),
    Case("umlaut", DUERER, "Albrecht Dürer", "Albrecht Duerer.", "correct", ("Dürer",)),
    Case("umlaut", DUERER, "Albrecht Dürer", "Das war Albrecht Durer.", "correct", ("Dürer",)),
    Case(
        "umlaut",
        ROENTGEN,
        "Wilhelm Conrad Röntgen",
        "Wilhelm Conrad Roentgen entdeckte sie 1895.",
        "correct",
        ("Röntgen", "Wilhelm Röntgen"),
    ),
    Case(
        "eszett",
        GIB,
        "Straße von Gibraltar",
        "Die Strasse von Gibraltar.",
        "correct",
        ("Gibraltar",),
    ),
    Case(
        "eszett",
        GIB,
        "Straße von Gibraltar",
        "Spanien und Marokko trennt die Straße von Gibraltar.",
        "correct",
        ("Gibraltar",),
    ),
    Case("eszett", MILCH, "Milchstraße", "Die Milchstrasse.", "correct"),
    Case(
        "eszett",
        STRAUSS,
        "Johann Strauss",
        "Johann Strauß (Sohn) komponierte ihn 1866.",
        "correct",
        ("Strauss", "Johann Strauß", "Strauß"),
    ),
    Case("eszett", KARL, "Karl der Große", "Karl der Grosse.", "correct", ("Karl I.",)),
    # Numbers in digits, German thousands, and German number words.
    Case("number", MAUER, "1989", "Die Berliner Mauer fiel am 9. November 1989.", "correct"),
    Case("number words", MAUER, "1989", "Neunzehnhundertneunundachtzig.", "correct"),
    Case("number words", LANDUNG, "1969", "Im Jahr neunzehnhundertneunundsechzig.", "correct"),
    Case("number words", LAENDER, "16", "Deutschland hat sechzehn Bundesländer.", "correct"),
    Case("number words", SPINNE, "8", "Eine Spinne hat acht Beine.", "correct"),
    Case("number words", FUSSBALL, "11", "Elf Spieler pro Mannschaft.", "correct"),
    Case("number words", CHROM, "46", "Sechsundvierzig Chromosomen, also 23 Paare.", "correct"),
    Case(
        "number words", KLAVIER, "88", "Ein übliches Klavier hat achtundachtzig Tasten.", "correct"
    ),
    Case("number words", KNOCHEN, "206", "In der Regel zweihundertsechs Knochen.", "correct"),
    Case(
        "number words",
        SCHALT,
        "366",
        "Ein Schaltjahr hat dreihundertsechsundsechzig Tage.",
        "correct",
    ),
    Case("number", MINUTEN, "1440", "Ein Tag hat 1.440 Minuten (24 mal 60).", "correct"),
    Case("number", MINUTEN, "1440", "1440 Minuten.", "correct"),
    Case("number words", MINUTEN, "1440", "Eintausendvierhundertvierzig Minuten.", "correct"),
    Case("number", EURO, "2002", "Am 1. Januar 2002 kam der Euro als Bargeld.", "correct"),
    # Wrong answers.
    Case("wrong", AUS, "Canberra", "Die Hauptstadt von Australien ist Sydney.", "wrong"),
    Case("wrong", AUS, "Canberra", "Melbourne.", "wrong"),
    Case("wrong", KOELN, "Rhein", "Durch Köln fließt die Elbe.", "wrong"),
    Case("wrong", BAYERN, "München", "Nürnberg ist die Landeshauptstadt von Bayern.", "wrong"),
    Case("wrong", NRW, "Düsseldorf", "Die Landeshauptstadt ist Köln.", "wrong"),
    Case("wrong", ZUG, "Zugspitze", "Der höchste Berg Deutschlands ist der Watzmann.", "wrong"),
    Case("wrong", FE, "Eisen", "Fe ist das Symbol für Fluor.", "wrong"),
    Case(
        "wrong",
        KANZLER,
        "Konrad Adenauer",
        "Ludwig Erhard war der erste Bundeskanzler.",
        "wrong",
        ("Adenauer",),
    ),
    Case(
        "wrong",
        MOND,
        "Neil Armstrong",
        "Buzz Aldrin betrat als erster Mensch den Mond.",
        "wrong",
        ("Armstrong",),
    ),
    Case("wrong, other name", MOND, "Neil Armstrong", "Louis Armstrong.", "wrong", ("Armstrong",)),
    Case(
        "wrong",
        FAUST,
        "Johann Wolfgang von Goethe",
        "Den Faust schrieb Friedrich Schiller.",
        "wrong",
        ("Goethe",),
    ),
    Case(
        "wrong",
        RAEUBER,
        "Friedrich Schiller",
        "Das Drama stammt von Gotthold Ephraim Lessing.",
        "wrong",
        ("Schiller",),
    ),
    Case(
        "wrong",
        ZAUBER,
        "Wolfgang Amadeus Mozart",
        "Die Zauberflöte komponierte Ludwig van Beethoven.",
        "wrong",
        ("Mozart",),
    ),
    Case("wrong", MAUER, "1989", "Die Mauer fiel 1990.", "wrong"),
    Case("wrong number words", MAUER, "1989", "Neunzehnhundertneunzig.", "wrong"),
    Case("wrong number words", LAENDER, "16", "Deutschland hat fünfzehn Bundesländer.", "wrong"),
    Case("wrong number words", SPINNE, "8", "Eine Spinne hat sechs Beine.", "wrong"),
    Case("wrong", FUSSBALL, "11", "Zehn Feldspieler.", "wrong"),
    Case("wrong", CHROM, "46", "48 Chromosomen.", "wrong"),
    Case("wrong", KLAVIER, "88", "Ein Klavier hat 85 Tasten.", "wrong"),
    Case("wrong", MINUTEN, "1440", "Ein Tag hat 1.400 Minuten.", "wrong"),
    Case("wrong", EURO, "2002", "Der Euro kam 1999 als Bargeld.", "wrong"),
    Case("wrong", GIB, "Straße von Gibraltar", "Der Bosporus.", "wrong", ("Gibraltar",)),
    Case("wrong", INSULIN, "Bauchspeicheldrüse", "Die Leber.", "wrong", ("Pankreas",)),
    # Hedges and lists of guesses.
    Case("hedge", AUS, "Canberra", "Vielleicht Sydney oder Canberra.", "hedged"),
    Case("hedge", AUS, "Canberra", "Entweder Sydney oder Canberra.", "hedged"),
    Case(
        "hedge",
        AUS,
        "Canberra",
        "Ich glaube, es ist Canberra, vielleicht auch Melbourne.",
        "hedged",
    ),
    Case("hedge", AUS, "Canberra", "Canberra oder möglicherweise Sydney.", "hedged"),
    Case(
        "hedge", BAYERN, "München", "München oder Nürnberg, da bin ich mir nicht sicher.", "hedged"
    ),
    Case(
        "hedge", MOND, "Neil Armstrong", "Neil Armstrong und Buzz Aldrin.", "hedged", ("Armstrong",)
    ),
    Case(
        "hedge",
        FAUST,
        "Johann Wolfgang von Goethe",
        "Entweder Goethe oder Schiller.",
        "hedged",
        ("Goethe",),
    ),
    Case(
        "hedge",
        ZAUBER,
        "Wolfgang Amadeus Mozart",
        "Wahrscheinlich Mozart oder Haydn.",
        "hedged",
        ("Mozart",),
    ),
    Case("hedge", MAUER, "1989", "1989 oder 1990.", "hedged"),
    Case("range without it", MAUER, "1989", "Zwischen 1988 und 1990.", "wrong"),
    Case("hedge", MAUER, "1989", "Zwischen 1989 und 1990.", "hedged"),
    Case("hedge", SPINNE, "8", "Sechs oder acht Beine.", "hedged"),
    Case("hedge", LAENDER, "16", "Ich glaube, es sind 15 oder 16.", "hedged"),
    Case("hedge", KOELN, "Rhein", "Der Rhein oder die Mosel.", "hedged"),
    Case(
        "guess list",
        RAEUBER,
        "Friedrich Schiller",
        "Mögliche Autoren:\n1. Lessing\n2. Goethe\n3. Schiller",
        "hedged",
        ("Schiller",),
    ),
    Case(
        "guess list",
        ZAUBER,
        "Wolfgang Amadeus Mozart",
        "Haydn, Mozart, Beethoven oder Schubert.",
        "hedged",
        ("Mozart",),
    ),
    # Denials.
    Case("denial", AUS, "Canberra", "Es ist nicht Canberra, sondern Sydney.", "negated"),
    Case("denial", AUS, "Canberra", "Die Hauptstadt ist Sydney, nicht Canberra.", "negated"),
    Case(
        "denial", AUS, "Canberra", "Canberra ist nicht die Hauptstadt; das ist Sydney.", "negated"
    ),
    Case(
        "denial",
        BAYERN,
        "München",
        "Keinesfalls Nürnberg, und auch nicht München: es ist Augsburg.",
        "wrong",
    ),
    Case(
        "denial",
        MOND,
        "Neil Armstrong",
        "Nicht Neil Armstrong, sondern Buzz Aldrin war der Erste.",
        "negated",
        ("Armstrong",),
    ),
    Case(
        "denial",
        FAUST,
        "Johann Wolfgang von Goethe",
        "Anstatt Goethe war es Schiller.",
        "negated",
        ("Goethe",),
    ),
    Case("denial, right", AUS, "Canberra", "Nicht Sydney, sondern Canberra.", "correct"),
    Case(
        "denial, right",
        AUS,
        "Canberra",
        "Viele halten Sydney für die Hauptstadt, aber es ist Canberra.",
        "correct",
    ),
    Case(
        "denial, right",
        MOND,
        "Neil Armstrong",
        "Nicht Buzz Aldrin, sondern Neil Armstrong.",
        "correct",
        ("Armstrong",),
    ),
    Case("denial, right", KOELN, "Rhein", "Nicht die Mosel, sondern der Rhein.", "correct"),
    Case("denial, right", MAUER, "1989", "Nicht 1990, sondern 1989.", "correct"),
    Case("denial, right", SPINNE, "8", "Keine sechs, sondern acht Beine.", "correct"),
    Case(
        "mistake report",
        AUS,
        "Canberra",
        "Viele glauben fälschlicherweise, es sei Sydney; tatsächlich ist es Canberra.",
        "correct",
    ),
    Case(
        "mistake report",
        AUS,
        "Canberra",
        "Viele glauben fälschlicherweise, es sei Canberra; tatsächlich ist es Sydney.",
        "negated",
    ),
    # No answer or no reference in it.
    Case("not found", AUS, "Canberra", "Das weiß ich leider nicht.", "not found"),
    Case("not found", KOELN, "Rhein", "Köln ist eine große Stadt in Deutschland.", "not found"),
    Case(
        "echo",
        FAUST,
        "Johann Wolfgang von Goethe",
        "Wer schrieb den Faust?",
        "not found",
        ("Goethe",),
    ),
    Case("empty", AUS, "Canberra", "", "empty"),
)

# Written after the first measurement, as German answers are really written: the answer after
# the verb, nouns before it ("Den ersten Schritt … machte Neil Armstrong"). Measured first at 9
# of 14 right answers credited and one hedge credited; the reader was then taught German noun
# phrases and "vielleicht aber auch".
CASES_DE_LONG: tuple[Case, ...] = (
    Case(
        "long",
        MOND,
        "Neil Armstrong",
        "Den ersten Schritt auf dem Mond machte Neil Armstrong am 21. Juli 1969 während der Mission Apollo 11.",
        "correct",
        ("Armstrong",),
    ),
    Case(
        "long",
        KANZLER,
        "Konrad Adenauer",
        "Nach der Gründung der Bundesrepublik 1949 wurde Konrad Adenauer (CDU) zum ersten Bundeskanzler gewählt.",
        "correct",
        ("Adenauer",),
    ),
    Case(
        "long",
        EINSTEIN,
        "Albert Einstein",
        "Die Relativitätstheorie wurde von Albert Einstein entwickelt – die spezielle 1905, die allgemeine 1915.",
        "correct",
        ("Einstein",),
    ),
    Case("long", NIL, "Nil", "Durch Kairo fließt der Nil, der längste Fluss Afrikas.", "correct"),
    Case("long", MERKUR, "Merkur", "Der sonnennächste Planet ist Merkur.", "correct"),
    Case(
        "long",
        MERKUR,
        "Merkur",
        "In unserem Sonnensystem ist Merkur der Sonne am nächsten, gefolgt von der Venus.",
        "correct",
    ),
    Case(
        "long",
        TITANIC,
        "1912",
        "Die Titanic sank in der Nacht vom 14. auf den 15. April 1912 nach der Kollision mit einem Eisberg.",
        "correct",
    ),
    Case(
        "long",
        GUTENBERG,
        "Johannes Gutenberg",
        "Als Erfinder des modernen Buchdrucks gilt Johannes Gutenberg aus Mainz.",
        "correct",
        ("Gutenberg",),
    ),
    Case(
        "long",
        MONA,
        "Leonardo da Vinci",
        "Die Mona Lisa ist ein Gemälde von Leonardo da Vinci, das heute im Louvre hängt.",
        "correct",
        ("Leonardo", "da Vinci"),
    ),
    Case(
        "long",
        KAFKA,
        "Franz Kafka",
        "Die Erzählung stammt von Franz Kafka und erschien 1915.",
        "correct",
        ("Kafka",),
    ),
    Case(
        "long",
        AUS,
        "Canberra",
        "Viele denken an Sydney oder Melbourne, doch die Hauptstadt Australiens ist Canberra.",
        "correct",
    ),
    Case("long", SPINNE, "8", "Spinnen haben acht Beine, Insekten dagegen sechs.", "correct"),
    Case("long", MINUTEN, "1440", "24 Stunden mal 60 Minuten ergibt 1.440 Minuten.", "correct"),
    Case(
        "long",
        LAENDER,
        "16",
        "Die Bundesrepublik besteht aus 16 Ländern, darunter drei Stadtstaaten.",
        "correct",
    ),
    Case(
        "long, wrong",
        MOND,
        "Neil Armstrong",
        "Den ersten Schritt auf dem Mond machte Buzz Aldrin; Neil Armstrong folgte ihm.",
        "wrong",
        ("Armstrong",),
    ),
    Case(
        "long, wrong",
        EINSTEIN,
        "Albert Einstein",
        "Die Relativitätstheorie stammt von Isaac Newton, nicht von Albert Einstein.",
        "negated",
        ("Einstein",),
    ),
    Case("long, wrong", NIL, "Nil", "Durch Kairo fließt der Euphrat.", "wrong"),
    Case(
        "long, wrong",
        MERKUR,
        "Merkur",
        "Die Venus ist der Sonne am nächsten; Merkur kommt danach.",
        "wrong",
    ),
    Case("long, wrong", TITANIC, "1912", "Die Titanic sank im April 1915.", "wrong"),
    Case(
        "long, wrong",
        GUTENBERG,
        "Johannes Gutenberg",
        "Den Buchdruck in Europa erfand Martin Luther um 1450.",
        "wrong",
        ("Gutenberg",),
    ),
    Case(
        "long, wrong",
        MONA,
        "Leonardo da Vinci",
        "Die Mona Lisa malte Michelangelo.",
        "wrong",
        ("Leonardo", "da Vinci"),
    ),
    Case(
        "long, wrong",
        KAFKA,
        "Franz Kafka",
        "Die Verwandlung schrieb Thomas Mann, ein Freund von Franz Kafka.",
        "wrong",
        ("Kafka",),
    ),
    Case(
        "long, hedge",
        MERKUR,
        "Merkur",
        "Das ist entweder Merkur oder Venus, da bin ich unsicher.",
        "hedged",
    ),
    Case(
        "long, hedge",
        KAFKA,
        "Franz Kafka",
        "Vermutlich Franz Kafka, vielleicht aber auch Robert Musil.",
        "hedged",
        ("Kafka",),
    ),
    Case("long, hedge", TITANIC, "1912", "Die Titanic sank 1912 oder 1913.", "hedged"),
    Case(
        "long, hedge",
        MONA,
        "Leonardo da Vinci",
        "Mögliche Maler: Raffael, Leonardo da Vinci und Tizian.",
        "hedged",
        ("Leonardo", "da Vinci"),
    ),
)
