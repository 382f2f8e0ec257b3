"""Generic institution words and headings that models take for names.

spaCy reads "the Court", "the Government", "the Chamber" or a heading such
as "FACTS" as an organisation. Alone, these words identify no one; inside a
longer name ("Warsaw District Court") they are part of it.
:func:`drop_generic_names` removes an ``ORGANIZATION`` or ``LOCATION``
finding when every word of it is a generic word (or a little
word such as "the", "of"), so "the Court" and "FACTS" go while
"Warsaw District Court" is kept: a court is named by its place, while
"the Supreme Court" or "the Court of Appeal" only names a country's court.
Supranational bodies ("European Commission of Human Rights") are public,
never a person's data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gdprgate.detect.finding import Finding

# English first, then French, Spanish, German, Italian, Dutch, Portuguese.
_INSTITUTIONS = """
court courts chamber chambers grand government governments commission
commissions council councils tribunal tribunals registry registrar state states
ministry ministries community communities section sections committee committees
parliament police office agency department authority authorities administration
assembly board prosecutor prosecutors prosecution public service services
union convention protocol rule rules regulation regulations act law laws
division bureau secretariat secretary president presidency judge judges
applicant applicants respondent government's court's first second third fourth
fifth officer officers commanding chief deputy head director minister
supreme high appeal appeals cassation constitutional administrative district
regional criminal civil military federal martial security commercial joint
labour employment family magistrates crown county general jurisdiction
european human rights europe united nations foreign commonwealth home
affairs interior justice finance defence defense education health
cour chambre gouvernement conseil greffe état ministère comité parlement
préfecture requérant requérante requérants défendeur loi règlement
sala gobierno comisión consejo secretaría estado ministerio sección parlamento
policía demandante demandantes ley reglamento
gericht gerichte kammer regierung kommission rat ministerium staat ausschuss
polizei behörde behörden amt gesetz verordnung bundesregierung
corte camera governo commissione consiglio cancelleria stato ministero
sezione ricorrente legge
hof rechtbank kamer regering commissie raad ministerie staat politie wet
tribunal governo comissão conselho secretaria ministério secção lei
"""
# Words of headings in judgments and letters.
_HEADINGS = """
facts fact procedure circumstances case relevant domestic legal framework
material practice alleged violation violations complaint complaints decision
judgment judgement reasons holds unanimously dissenting concurring separate
opinion partly appendix annex introduction conclusion conclusions summary
subject re as to the law merits admissibility application applications
faits procédure circonstances espèce droit interne pertinent pertinents
grief griefs décision arrêt motifs
hechos procedimiento circunstancias derecho interno queja quejas decisión
sentencia motivos
sachverhalt verfahren entscheidung urteil gründe
inter alia et al ibid
objet sujet asunto oggetto onderwerp betreff temat assunto ämne
"""
# Greetings and titles: "Dear Mr" alone names no one; the title joins the
# name that follows (see :mod:`gdprgate.detect.names`).
_SALUTATIONS = """
dear hello hi hey greetings regards mr mrs ms miss dr prof sir madam
liebe lieber sehr geehrte geehrter herr frau cher chère madame monsieur
estimado estimada querido querida señor señora gentile caro cara egregio
beste geachte heer mevrouw drogi droga szanowny szanowna pan pani
bonjour bonsoir salut coucou buongiorno buonasera ciao hola buenos buenas
días hallo moin servus grüezi goedemorgen goedemiddag hejsan cześć witam
olá bom dia
"""
# Acronyms of data types, documents and office words that models read as
# organisations ("send the IBAN and SSN to the ATM team ASAP"), with the
# national identifiers and tax numbers of the recognizers ("NIR : ...").
_ACRONYMS = """
iban ssn atm asap pin vat dob id bic swift imei ip url pdf faq ceo cfo cto coo
hr usb sim gps tv cv rsvp eta fyi aka diy
nir nif nie dni nss bsn pesel nip nino nhs cpr ppsn hetu idnr tva iva btw mwst
nan null nul
eur usd gbp chf pln sek nok dkk jpy cad aud czk huf
"""
# Names of the data itself, which models read as names when capitalised
# ("Email: ...", "reply by Email or Phone"): never a person, organisation
# or place when they are the whole finding. Words that are also names of
# people or places ("Handy", "Mobile") are not on the list, and the list is
# no generic word ("Mr Phone..." is left to the models).
_DATA_WORDS = """
email e-mail mail phone telephone telefon tel fax address adresse
website homepage password passwort username login iban bic swift
name surname nachname vorname prénom nombre apellido apellidos cognome
achternaam voornaam nazwisko imię efternamn förnamn
card visa mastercard amex maestro diners jcb girocard kreditkarte carte tarjeta
"""
DATA_WORDS = frozenset(_DATA_WORDS.split())
# Little words allowed between generic words: "the Court of Appeal".
_LITTLE = """
the a an of and for in on at to de la le les du des el los las del y und der
die das den des für von il lo di e het van en do da dos das
"""
GENERIC_WORDS = frozenset(
    (_INSTITUTIONS + _HEADINGS + _SALUTATIONS + _ACRONYMS).split()
)
_LITTLE_WORDS = frozenset(_LITTLE.split())
# Heads that make a name a public body, never a person's data: "the
# Turkish Government", "the Ministry of the Interior".
_PUBLIC_HEAD = re.compile(
    r"""
    (?:\A|\s)(?:government|governments|gouvernement|gobierno|regierung|governo)
    (?:'s|’s)?\Z
    | \A(?:the\s+)?(?:ministry|minist[eè]re|ministerio|ministerium|ministero)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A state's long official name, as a party to a case: "the Republic of
# Ruritania", "the United Kingdom of Great Britain and Northern Ireland".
STATE_NAME = re.compile(
    r"""
    (?:the\s+)?(?:United\s+)?
    (?:Republic|Kingdom|Federation|Confederation|Principality|Grand\s+Duchy)
    \s+of\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*
    (?:\s+and\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?
    """,
    re.VERBOSE,
)
# Surnames can be generic words ("Judge", "Richter"): names stay.
_ENTITIES = frozenset({"ORGANIZATION", "LOCATION"})
_NAME_ENTITIES = _ENTITIES | {"PERSON"}
_WORD = re.compile(r"[^\W\d_]+(?:'s)?|\d+")
_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s?\Z")


def is_generic(value: str) -> bool:
    """Whether ``value`` is made only of generic and little words.

    It must hold at least one generic word: a span of little words alone
    ("de la") is left to the other filters.
    """
    if _PUBLIC_HEAD.search(value):
        return True
    words = [word.casefold() for word in _WORD.findall(value)]
    if not words or any(word.isdigit() for word in words):
        return False
    content = [word for word in words if word not in _LITTLE_WORDS]
    return bool(content) and all(word in GENERIC_WORDS for word in content)


# The labels the gateway writes for redacted values ("[PHONE_NUMBER]") and
# the entity names themselves: a model that reads one as a name must not
# turn the gateway's own mark into a token.
_LABEL = re.compile(r"\[?([A-Z]+(?:_[A-Z]+)*)\]?")
MODEL_ENTITIES = frozenset(
    {"PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "ID_NUMBER", "ADDRESS"}
)


def is_entity_label(value: str, labels: frozenset[str]) -> bool:
    """Whether ``value`` is an entity name, bare or in brackets."""
    match = _LABEL.fullmatch(value.strip())
    return match is not None and match.group(1) in labels


def drop_generic_names(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without names made only of generic words, public bodies
    or a state's long official name, and without a name that is only the
    name of a kind of data ("Email"); the rest without a leading "the"."""
    states = [(m.start(), m.end()) for m in STATE_NAME.finditer(text)]
    kept: list[Finding] = []
    for finding in findings:
        if finding.entity in _ENTITIES:
            finding = _trimmed(text, finding)
            if any(s <= finding.start and finding.end <= e for s, e in states):
                continue
        value = text[finding.start : finding.end]
        if finding.entity in _ENTITIES and is_generic(value):
            continue
        if finding.entity in _NAME_ENTITIES and value.strip().casefold() in DATA_WORDS:
            continue
        kept.append(finding)
    return kept


def _trimmed(text: str, finding: Finding) -> Finding:
    """An organisation or place without a leading "the" or trailing "'s"."""
    start, end = finding.start, finding.end
    article = _LEADING_ARTICLE.match(text, start, end)
    if article is not None and article.end() < end:
        start = article.end()
    possessive = _TRAILING_POSSESSIVE.search(text, start, end)
    if possessive is not None and possessive.start() > start:
        end = possessive.start()
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(start, end, finding.entity, finding.score, finding.source)
