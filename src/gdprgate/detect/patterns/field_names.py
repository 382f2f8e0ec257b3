"""Field names that say what their value is, and values that say there is none.

One vocabulary for the whole project: the detector reads it in table
headers and SQL column lists (:mod:`gdprgate.detect.patterns.table_columns`),
the dataset scrubber in record keys (:mod:`gdprgate.datasets.fields`).

A name is compared folded: case-folded, accents and everything but letters
and digits left out ("Prénom" -> "prenom", "first_name" -> "firstname",
"E-Mail" -> "email"). Some names are sure of their type (``last_name``,
``Benutzername``, ``city``); others (:data:`UNSURE_NAMES`: ``name``,
``account``, ``address``) also name products, bank accounts and IP
addresses, so a reader wants more evidence before it trusts them.
"""

from __future__ import annotations

import re
import unicodedata

_NAMES_BY_ENTITY = {
    "PERSON": """
        firstname givenname forename lastname surname familyname fullname
        vorname nachname familienname prenom nomdefamille apellido
        apellidos cognome voornaam achternaam imie nazwisko sobrenome
        fornavn efternavn etternavn fornamn efternamn etunimi sukunimi
        nom nombre name nome naam namn navn displayname contactname
        customername clientname employeename patientname
    """,
    "USERNAME": """
        user username uname login loginname userlogin account
        accountname nickname handle benutzer benutzername nutzer nutzername
        utilisateur nomdutilisateur identifiant usuario nombredeusuario
        utente nomeutente gebruiker gebruikersnaam uzytkownik
        nazwauzytkownika usuario usuarios utilizador nomedeusuario
        nomedeutilizador anvandare anvandarnamn
    """,
    "LOCATION": """
        city town stadt ort wohnort ville ciudad localidad citta
        woonplaats plaats miasto miejscowosc cidade localidade stad
        kaupunki birthplace geburtsort placeofbirth address streetaddress
        homeaddress postaladdress street strasse adresse anschrift rue
        direccion calle indirizzo via adres straat adress gata ulica
        endereco rua
    """,
    "DATE_OF_BIRTH": """
        birthdate birthday dateofbirth dob geburtsdatum geburtstag
        datedenaissance fechadenacimiento datadinascita geboortedatum
        datanascimento
    """,
    "EMAIL_ADDRESS": """
        email emailaddress mail courriel correo emailadresse mailadresse
        correoelectronico
    """,
    "PHONE_NUMBER": """
        phone phonenumber telephone tel telefon mobile mobil handy
        telefono telefone telefoon telefonnummer handynummer mobilnummer
        telefoonnummer numerodetelephone numerodetelefono telefonnumer
        mobilephone cellphone cell
    """,
    "IBAN_CODE": "iban",
}
# Field name (folded) -> the type of its value.
FIELD_ENTITIES = {
    name: entity for entity, names in _NAMES_BY_ENTITY.items() for name in names.split()
}
# Names that also name what is no one's: a product's "name", a bank
# "account", an IP "address", a road "via" in an Italian header, a
# product's URL "handle" in a shop export, ...
_UNSURE_WORDS = """
    name nome naam namn navn account handle address adresse adres adress
    direccion indirizzo endereco via rue gata calle rua straat
"""
UNSURE_NAMES = frozenset(_UNSURE_WORDS.split())

# Values that say there is none, in the nine languages (folded, without
# blanks, dots and dashes): a field holding one is left as it is. These
# are no one's name in any column.
_NO_VALUE_WORDS = """
    na nv none null unknown unk tbd tba notapplicable notavailable
    notgiven notknown notset empty withheld redacted
    ka keineangabe keineangaben unbekannt nichtangegeben entfallt
    inconnu inconnue nonrenseigne nd sansobjet
    desconocido desconocida nodisponible
    sconosciuto sconosciuta nondisponibile
    onbekend nvt nietvanttoepassing
    nieznany nieznana niedotyczy bd
    desconhecido desconhecida
    okand okant saknas
"""
# Values that say there is none, or nowhere, in any column but a name's:
# in a name column they are surnames or given names ("Test", "Private",
# "Anon", "Nan"), and a name is masked when unsure (fail closed).
_NOT_NAME_WORDS = """
    nil nan anonymous anon remote online onsite various worldwide
    everywhere nowhere private test keine kein ortsunabhangig aucun aucune
    distance adistance ninguno ninguna remoto nessuno nessuna geen brak
    zdalnie nenhum nenhuma ingen distans
"""
_NO_VALUES = frozenset(_NO_VALUE_WORDS.split())
_PLACEHOLDERS = _NO_VALUES | frozenset(_NOT_NAME_WORDS.split())
_PLACEHOLDER_FOLD = re.compile(r"[\s.\-_/?*()'\"]+")
_NOT_NAME_CHARS = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """``name`` case-folded, without accents ("Prénom" -> "prénom" ->
    "prenom")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_field_name(name: str) -> str:
    """``name`` folded and without anything but letters and digits."""
    return _NOT_NAME_CHARS.sub("", fold(name))


def field_name_entity(name: str) -> str | None:
    """The type a field called ``name`` gives its value, if any."""
    return FIELD_ENTITIES.get(fold_field_name(name))


def is_placeholder(value: str, entity: str | None = None) -> bool:
    """Whether ``value`` says there is none ("n/a", "k.A.", "unbekannt",
    "NULL", "--", "?"), also as an e-mail address ("n/a@n/a"), in a field
    whose value is an ``entity``: in a ``PERSON`` field only the words
    that are nobody's name count ("Test" and "Private" are surnames)."""
    words = _NO_VALUES if entity == "PERSON" else _PLACEHOLDERS
    parts = value.split("@") if "@" in value else [value]
    return all(
        _PLACEHOLDER_FOLD.sub("", fold(part)) in words
        or not _PLACEHOLDER_FOLD.sub("", part)
        for part in parts
    )
