"""Names that leaked whole or in half: particles before a surname, given
names that are also words, names a person's slot in the sentence tells,
lower-case chat nicknames and a given name in a row of values."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.addressed_names import ADDRESSED_SOURCE, addressed_names
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.mentions import MENTION_SOURCE, other_mentions
from gdprgate.detect.name_rules import CELL_SOURCE, NameRules, add_rule_names
from gdprgate.detect.particle_names import PARTICLE_NAME_SOURCE, particle_names


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def rules(lexicon: Lexicon) -> NameRules:
    return NameRules(lexicon)


def _values(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in findings]


PARTICLE_NAMES = [
    # A given name, frequent word or not, a particle and a surname.
    ("Gisteren belde Bas van Dijk over de factuur.", "nl", ["Bas van Dijk"]),
    ("Sem de Vries heeft het gemeld.", "nl", ["Sem de Vries"]),
    ("Gestern rief Karl von der Leyen an.", "de", ["Karl von der Leyen"]),
    ("Ich habe Ute von der Heydt angerufen.", "de", ["Ute von der Heydt"]),
    # A title before the particle.
    ("Herr von Bülow hat angerufen.", "de", ["Herr von Bülow"]),
    ("Gisteren belde mevrouw de Vries.", "nl", ["mevrouw de Vries"]),
    # In Dutch, a rare capitalised word inside a sentence.
    ("Ik heb Hanneke de Vries gebeld.", "nl", ["Hanneke de Vries"]),
    # Places and bodies.
    ("Ik woon in Bergen op Zoom.", "nl", []),
    ("Er wohnt in Frankfurt am Main.", "de", []),
    ("De Bank van Nederland belde.", "nl", []),
    ("Het Rijksmuseum van Amsterdam is open.", "nl", []),
    ("Het Koninkrijk der Nederlanden.", "nl", []),
    ("Het Museum van Oudheden is dicht.", "nl", []),
    ("De Universiteit van Amsterdam is groot.", "nl", []),
    ("La Banca di Roma ha chiuso.", "it", []),
    ("Ontem ligou o Rui dos Santos.", "pt", ["Rui dos Santos"]),
    ("Mudou-se para Miranda do Douro.", "pt", []),
    # German nouns after the particle, and a German article alone.
    ("Herr Vogel von der Bank hat angerufen.", "de", []),
    ("Frau von der Post kam gestern.", "de", []),
    ("Dann ließ Karl den Vertrag prüfen.", "de", []),
    # A sentence's first word that is no given name.
    ("Gisteren van Dijk gebeld.", "nl", []),
    # A surname in capitals is an acronym.
    ("Sem van CDA kwam.", "nl", []),
]


@pytest.mark.parametrize(("text", "language", "names"), PARTICLE_NAMES)
def test_particle_names(
    rules: NameRules, lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    """A given name or title, particles and a surname no model read."""
    found = particle_names(text, language, lexicon, rules._is_any_given)
    assert _values(text, found) == names
    assert all(f.source == PARTICLE_NAME_SOURCE for f in found)


ADDRESSED = [
    # A verb or preposition that takes a person.
    ("I spoke to Lily yesterday.", "en", ["Lily"]),
    ("As discussed with Will, the budget is approved.", "en", ["Will"]),
    ("Ask Mark if the invoice is paid.", "en", ["Mark"]),
    ("Please ask Summer Lake to sign.", "en", ["Summer Lake"]),
    ("Cc: Will Hargreaves", "en", ["Will Hargreaves"]),
    ("Could you ask May about it?", "en", ["May"]),
    ("Het pakket is bij Mark afgegeven.", "nl", ["Mark"]),
    ("Falei com a Graça sobre isso.", "pt", ["Graça"]),
    ("Il pacco per Benedetta è qui.", "it", ["Benedetta"]),
    ("Ich war gestern bei Lily.", "de", ["Lily"]),
    # A person's verb after a given name that opens a sentence.
    ("Hope is on leave until Monday.", "en", ["Hope"]),
    ("Will called this morning.", "en", ["Will"]),
    # Months, modals, virtues, places, holidays, nouns, model numbers.
    ("The deadline is by May 5.", "en", []),
    ("We met June and July with the board.", "en", []),
    ("Will you send it?", "en", []),
    ("Hope to see you soon.", "en", []),
    ("I hope Will is fine.", "en", []),
    ("We live with Hope and Faith.", "en", []),
    ("The engineers worked with Mark II units.", "en", []),
    ("The package is with Mark.", "fr", []),
    ("Ci vediamo a Natale.", "it", []),
    ("Voy a Victoria mañana.", "es", []),
    ("Er hat es mit Ernst gesagt.", "de", []),
    ("Will Smith, please call.", "en", []),
    # After a weak preposition a given name that is a word needs a verb
    # of meeting before it, a person's verb or a surname after it.
    ("We walked on with Hope in our hearts after the storm.", "en", []),
    ("Plant it with Lily bulbs in spring.", "en", []),
    ("Cover with Ivy and water daily.", "en", []),
    ("We met Summer deadlines and Autumn goals.", "en", []),
    ("We'll meet with Rose Bowl organizers", "en", []),
    ("Avec Rose, le jardin est plus beau.", "fr", []),
    ("Con Dolores de cabeza y con Paz interior.", "es", []),
    ("Lavoro con Gioia e con Speranza.", "it", []),
    ("Talked with Hope about it.", "en", ["Hope"]),
    ("Meeting with Grace at 10.", "en", ["Grace"]),
    ("We'll meet with Rose Smith tomorrow.", "en", ["Rose Smith"]),
    ("Gespräch mit Frank vom Vertrieb.", "de", ["Frank"]),
    ("Ho parlato con Marco della contabilità.", "it", ["Marco"]),
    ("Ci vediamo domani con Fiore.", "it", ["Fiore"]),
    ("Ho cenato con Benedetta.", "it", ["Benedetta"]),
    # Never in a Title-Case heading.
    ("Living With Hope: A Guide for Families", "en", []),
    ("Dancing With Grace", "en", []),
    # Portuguese: a word after an article needs a person context too.
    ("A Vitória foi merecida.", "pt", []),
    ("Pela Graça de Deus.", "pt", []),
    ("A Graça é um bairro de Lisboa.", "pt", []),
    ("Vou à Glória amanhã.", "pt", []),
    ("Igreja de Nossa Senhora da Graça", "pt", []),
    ("Falei com o Sol e com a Lua no poema.", "pt", []),
    ("Falei com a Rosa ontem.", "pt", ["Rosa"]),
    ("Ontem a Vitória ligou.", "pt", ["Vitória"]),
    # English: a given name's possessive before a relative or a role.
    ("Parent note: Lily's mum here.", "en", ["Lily"]),
    ("Hope's birthday is on Friday.", "en", ["Hope"]),
    ("The Rose's petals fell.", "en", []),
    ("Lily's mum here.", "de", []),
]


@pytest.mark.parametrize(("text", "language", "names"), ADDRESSED)
def test_addressed_names(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    """A given name that is also a word, where the sentence wants a person."""
    found = addressed_names(text, language, lexicon)
    assert _values(text, found) == names
    assert all(f.source == ADDRESSED_SOURCE for f in found)


CASELESS = [
    ("o thiago disse que vem", "pt", ["thiago"]),
    ("o rafa vem amanhã", "pt", ["rafa"]),
    ("fala com a bia", "pt", ["bia"]),
    ("ask mark", "en", ["mark"]),
    ("ok thx will", "en", ["will"]),
    # A word, a place, or "will" as a verb.
    ("a graça de deus", "pt", []),
    ("o porto é lindo", "pt", []),
    ("thanks, will do", "en", []),
    ("i will ask", "en", []),
    ("vale arriva domani", "it", []),
    # A given name that is a Portuguese word, unless a person's verb
    # follows or a verb of speaking leads to it.
    ("bata com a clara do ovo", "pt", []),
    ("comemoramos com a vitória do time", "pt", []),
    ("ele saiu com a luz apagada", "pt", []),
    ("ficamos em paz com a paz", "pt", []),
    ("fui com a rosa ao jardim", "pt", []),
    ("o franco suíço subiu", "pt", []),
    ("a clara disse que vem", "pt", ["clara"]),
    ("falei com a rosa ontem", "pt", ["rosa"]),
    # "thanks will" ending a caseless chat line stays a name: leaking it
    # costs more than masking "will" (see docs/detection.md).
    ("thanks will", "en", ["will"]),
]


@pytest.mark.parametrize(("text", "language", "names"), CASELESS)
def test_lower_case_names_after_a_person_word(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    """In text without case a given name counts after a verb that takes
    people or a Portuguese article."""
    found = addressed_names(text, language, lexicon, without_case=True)
    assert _values(text, found) == names


def test_lower_case_names_need_a_text_without_case(lexicon: Lexicon) -> None:
    text = "Then o thiago came."
    assert addressed_names(text, "pt", lexicon) == []


@pytest.mark.parametrize(
    ("text", "found", "names"),
    [
        ("30213,Wojciech,Nowicki,w@example.pl", ["Nowicki"], ["Wojciech"]),
        ("30213;Wojciech;Nowicki", ["Nowicki"], ["Wojciech"]),
        ("Nowicki\tWojciech\t30213", ["Nowicki"], ["Wojciech"]),
        # No row, or no given name in the cell next to the name.
        ("Wojciech met Nowicki", ["Nowicki"], []),
        ("30213,Warszawa,Nowicki", ["Nowicki"], []),
        ("Wojciech, I met Nowicki today", ["Nowicki"], []),
    ],
)
def test_a_given_name_cell_beside_a_surname_cell(
    rules: NameRules, text: str, found: list[str], names: list[str]
) -> None:
    findings = [
        Finding(text.index(v), text.index(v) + len(v), "PERSON", 0.9, "rampart")
        for v in found
    ]
    extended = rules.extend_given_names(text, findings, "en")
    added = [f for f in extended if f.source == CELL_SOURCE]
    assert _values(text, added) == names


@pytest.mark.parametrize(
    ("text", "model", "names"),
    [
        ("Gestern rief Karl von der Leyen an.", "Leyen", ["Karl von der Leyen"]),
        ("Ontem ligou o Rui dos Santos.", "Rui dos Santos", ["Rui dos Santos"]),
    ],
)
def test_a_surname_read_as_a_place_joins_a_name_with_a_particle(
    lexicon: Lexicon, text: str, model: str, names: list[str]
) -> None:
    start = text.index(model)
    place = Finding(start, start + len(model), "LOCATION", 0.7, "rampart")
    name_start = text.index(names[0])
    name = Finding(name_start, name_start + len(names[0]), "PERSON", 0.7, "rule")
    result = add_rule_names([place], [name], text, people=lexicon.people)
    assert [(text[f.start : f.end], f.entity) for f in result] == [(names[0], "PERSON")]


def test_a_place_that_is_the_whole_name_stays_a_place(lexicon: Lexicon) -> None:
    """A town named like a person ("Miranda do Douro") whose last word is no
    person's name stays the model's place."""
    text = "Vivo em Miranda do Douro."
    start = text.index("Miranda")
    place = Finding(start, text.index("."), "LOCATION", 0.7, "rampart")
    name = Finding(start, text.index("."), "PERSON", 0.7, "rule")
    assert add_rule_names([place], [name], text, people=lexicon.people) == [place]


def test_a_place_around_a_rule_name_keeps_it_out() -> None:
    """A model's place that runs past the name stays ("Santa Maria da
    Feira"): only a place inside the name gives way."""
    text = "Vivo em Santa Maria da Feira."
    start = text.index("Santa")
    place = Finding(start, text.index("."), "LOCATION", 0.7, "rampart")
    name_start = text.index("Maria")
    name = Finding(name_start, text.index("."), "PERSON", 0.7, "rule")
    assert add_rule_names([place], [name], text) == [place]


def test_a_name_after_a_lower_case_title_is_found_again(lexicon: Lexicon) -> None:
    text = "Aanwezig: de heer Smit, Bram. Smit licht de begroting toe."
    start = text.index("de heer Smit")
    found = [Finding(start, start + len("de heer Smit"), "PERSON", 0.9, "rampart")]
    result = other_mentions(text, found, lexicon)
    mentions = [f for f in result if f.source == MENTION_SOURCE]
    assert [(f.start, text[f.start : f.end]) for f in mentions] == [
        (text.rindex("Smit"), "Smit")
    ]


DETECTED = [
    ("Ik heb Hanneke de Vries gebeld.", "nl", ["Hanneke de Vries"]),
    ("Gisteren belde Joke de Vries over de factuur.", "nl", ["Joke de Vries"]),
    ("Gisteren belde Bas van Dijk over de factuur.", "nl", ["Bas van Dijk"]),
    ("Sem de Vries heeft het gemeld.", "nl", ["Sem de Vries"]),
    ("Sem van der Heijden hat es gemeldet.", "de", ["Sem van der Heijden"]),
    ("Herr von Bülow hat angerufen.", "de", ["Herr von Bülow"]),
    ("Gestern rief Karl von der Leyen an.", "de", ["Karl von der Leyen"]),
    ("Ich habe Ute von der Heydt angerufen.", "de", ["Ute von der Heydt"]),
    ("Il pacco per Benedetta Rossi non è arrivato.", "it", ["Benedetta Rossi"]),
    ("Il pacco per Fiore Rossi non è arrivato.", "it", ["Fiore Rossi"]),
    ("Falei com a Graça Silva.", "pt", ["Graça Silva"]),
    ("Falei com a Glória Leão.", "pt", ["Glória Leão"]),
    ("Will Smith called.", "en", ["Will Smith"]),
    ("Cc: Will Hargreaves", "en", ["Will Hargreaves"]),
    (
        "Committer: Will Summers <will.summers@example.com>",
        "en",
        ["Will Summers"],
    ),
    (
        "    12  Will Summers\n     3  Grace Hopper",
        "en",
        ["Will Summers", "Grace Hopper"],
    ),
    ("Please ask Summer Lake to sign.", "en", ["Summer Lake"]),
    ("30213,Wojciech,Nowicki,w.nowicki@example.pl", "en", ["Wojciech", "Nowicki"]),
    ("30213;Wojciech;Nowicki", "en", ["Wojciech", "Nowicki"]),
    ("I spoke to Lily yesterday.", "en", ["Lily"]),
    ("As discussed with Will, the budget is approved.", "en", ["Will"]),
    ("Ask Mark if the invoice is paid.", "en", ["Mark"]),
    ("Hope is on leave until Monday.", "en", ["Hope"]),
    ("Het pakket is bij Mark afgegeven.", "nl", ["Mark"]),
    ("Grazie Benedetta, a domani.", "it", ["Benedetta"]),
    ("o thiago disse que vem", "pt", ["thiago"]),
    ("o rafa vem amanhã", "pt", ["rafa"]),
    ("fala com a bia", "pt", ["bia"]),
    ("ask mark", "en", ["mark"]),
    ("ok thx will", "en", ["will"]),
    ("Ontem ligou o Rui dos Santos.", "pt", ["Rui dos Santos"]),
    (
        "Aanwezig: de heer Smit, mevrouw Mulder, Bram, Roos. "
        "Smit licht de begroting toe.",
        "nl",
        ["de heer Smit", "mevrouw Mulder", "Bram", "Roos", "Smit"],
    ),
    # Ordinary text keeps its words.
    ("Will you send it?", "en", []),
    ("Hope to see you soon.", "en", []),
    ("The meeting is in May.", "en", []),
    ("De Bank van Nederland belde.", "nl", []),
    ("Er wohnt in Frankfurt am Main.", "de", []),
    ("thanks, will do", "en", []),
]


@pytest.mark.parametrize(("text", "language", "names"), DETECTED)
def test_names_do_not_leak(
    full_detector: Detector, text: str, language: str, names: list[str]
) -> None:
    """Every name of the testers' texts is one whole ``PERSON``."""
    found = full_detector.analyze(text, language)
    people = [f for f in found if f.entity == "PERSON"]
    assert _values(text, people) == names
