"""A name after a user word, without a label's ":" or "=".

"Failed password for invalid user jdoe", "für Benutzer j.schaefer",
"pour l'utilisateur mleroux", "dla użytkownika akowalska". The word after
"user" is often an ordinary one ("user interface", "the user clicked"), so
it counts as a name only when

- it is shaped like a user name ("j.schaefer", "anna_k", "mk2"), or
- a log construction leads to the user word: a preposition or a log verb
  ("for user", "para el usuario", "invalid user"), or the line starts with
  it ("user ropoku", "[auth] user ropoku"),

and it is no ordinary word that follows a user word in these languages.
Without an address after it, no word of a language either ("user
deletion", "Benutzer sperren", "usuario bloqueado"). Only a few words
before the user word are read: a line of "user user ..." stays linear.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gdprgate.detect.gate import Lexicon

# The user words of each language, in the singular: "Users can log in"
# names no one.
_USER_WORDS = {
    "en": "user|username|login",
    "de": "benutzer|benutzername|nutzer|nutzername|anwender",
    "fr": "utilisateur|utilisatrice|identifiant",
    "es": "usuario|usuaria",
    "it": "utente",
    "nl": "gebruiker|gebruikersnaam",
    "pl": "użytkownik|użytkownika|użytkownikowi|użytkownikiem|użytkowniku",
    "pt": "usuário|usuária|utilizador|utilizadora",
    "sv": "användare|användaren|användarnamn|användarnamnet",
}
# Account words: "log into my account jan.mroz1980", "in mein Konto
# jan.mroz1980", "zalogować się do konta jan.mroz1980". What follows them is
# far more often a thing ("account balance", "Konto sperren", "konta
# firmowego") or a number (an account number is no login), so only a word
# shaped like a login counts after them: see :func:`_is_account_login`.
_ACCOUNT_WORDS = {
    "en": "account",
    "de": "konto|benutzerkonto|nutzerkonto|kundenkonto",
    "fr": "compte",
    "es": "cuenta",
    "it": "account",
    "nl": "account",
    "pl": "konto|konta|kontem|koncie|kontu",
    "pt": "conta",
    "sv": "konto|kontot",
}
# Prepositions and log verbs that lead to a user word in a log line.
_LEADS = {
    "en": "for|invalid|unknown|illegal|from|by|as|of|to|authenticated|"
    "created|deleted|added|removed|locked|disabled|enabled|existing|new",
    "de": "für|von|vom|als|mit|ungültiger|ungültigen|unbekannter|unbekannten",
    "fr": "pour|par|de|à|avec",
    "es": "para|por|de|del|al|con|a",
    "it": "per|da|di|con|a",
    "nl": "voor|van|door|als|met|aan|onbekende|ongeldige",
    "pl": "dla|przez|od|do|z",
    "pt": "para|por|de|do|da|pelo|pela|com|ao",
    "sv": "för|av|från|till|med|som|okänd|ogiltig",
}
# An article between the lead and the user word: "for the user",
# "para el usuario"; elided ones ("l'utilisateur", "dell'utente") stick.
_ARTICLES = "the|a|an|el|la|il|lo|le|de|het|den|dem|der|des|o"
_ELIDED = "l|dell|all|dall|nell|sull"

# Ordinary words that follow a user word: nouns of compounds ("user
# interface", "Benutzer Oberfläche"), verbs ("the user clicked") and
# function words, in the nine languages.
_ORDINARY_WORDS = """
    a an the and or not no nor is are was were be been being has have had
    can cannot could will would should must may might does did do done
    to of in on at for from with by as that this these those which who
    whom whose if when then than so but also only just all any each every
    some its it their his her they we you he she i via into onto per
    id ids pid uid gid tty name names interface interfaces account accounts data group
    groups profile profiles settings setting input experience guide guides
    story stories role roles session sessions management permission
    permissions rights right agent agents level levels info information
    details record records list type types table tables object objects
    model mode base friendly feedback research request requests error errors
    login logins logout password passwords credentials home directory space
    preferences preference manual documentation docs portal page pages form
    forms database creation registration access authentication
    authorization support journey flow flows count number numbers field
    fields key keys token tokens entry entries config configuration
    attempt attempts failed failure success successful found exists
    logged clicked created deleted updated added removed changed signed
    authenticated entered selected opened closed saved sent received
    sees wants needs gets sets enters selects opens clicks logs types
    agreement agreements consent segment segments tracking activity
    required already successfully ok denied blocked unknown expired inactive
    active disabled enabled locked missing invalid verified confirmed
    registered approved rejected pending here there now again first
    logging signing
    ist hat kann wird wurde und oder nicht der die das den dem ein eine
    einen mit von für im auf zu muss soll darf konnte klickt sieht will
    konto daten gruppe gruppen oberfläche rechte profil einstellungen
    können müssen sollen dürfen haben sind werden wurden konnten sollten
    möchten melden sehen erhalten
    est a peut doit et ou ne pas le la les un une des du pour avec sur
    dans clique connecté compte données groupe interface droits profil
    es ha puede debe y o no el los las un una del por con en hace
    cuenta datos grupo perfil derechos final
    è ha può deve e o non il lo gli le un una per con su nel fa
    dati gruppo profilo diritti finale
    is heeft kan moet en of niet de het een van voor met op klikt
    gegevens groep profiel rechten account
    jest ma może musi i lub nie w na z do się kliknął konto dane grupa
    profil prawa
    é tem pode deve e ou não o os um uma do da com em
    conta dados grupo perfil direitos
    är har kan måste och eller inte en ett med på till av för klickar
    får ska blir
    konto uppgifter grupp profil rättigheter
    """
# A lead is no user name either: "de login para o usuário"; nor is a
# user word ("user login", "user user ...").
_ORDINARY = frozenset(_ORDINARY_WORDS.split()) | {
    word
    for table in (_LEADS, _USER_WORDS)
    for line in table.values()
    for word in line.split("|")
}
# Letters and digits mixed, or letters joined by ".", "_" or "-".
_USER_NAME_SHAPE = re.compile(r"[a-z][._-]?\d|\d[._-]?[a-z]|[a-z][._-][a-z]", re.I)
# A login after an account word: letters with digits, or letters joined by
# "." or "_" (a hyphen joins words: "e-mail", "check-in").
_ACCOUNT_LOGIN_SHAPE = re.compile(r"[a-z][._]?\d|[a-z][._][a-z]", re.I)
# Endings of English nouns and forms of verbs the lexicon may lack.
_ACTION_ENDING = re.compile(r"(?:ing|ings|tion|tions|sion|sions|ment|ments)\Z")
# What ends the prefix of a log line: "[auth] ", "sshd[42]: ", "ERROR - ".
# ("" and "\n": the user word starts the line.)
_LINE_PREFIX_ENDS = frozenset(":;])|>-") | {"", "\n"}
# An elided article right before the user word: "l'utilisateur".
_ELIDED_ARTICLE = re.compile(r"(?<!\w)[lL]['’]\Z")
# The words a lead may end with: a lead or an article.
_LEAD_WORDS = frozenset(
    [word for line in _LEADS.values() for word in line.split("|")]
    + _ARTICLES.split("|")
)
# How far before a user word a lead is looked for.
_LEAD_REACH = 40


def _alternatives(table: dict[str, str]) -> str:
    """One alternation of the words of every language, longest first."""
    words = {word for line in table.values() for word in line.split("|")}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_USER_WORD_TEXT = _alternatives(_USER_WORDS)
_ACCOUNT_WORD_TEXT = _alternatives(_ACCOUNT_WORDS)
_FIRST_LETTERS = "".join(
    sorted(
        {
            w[0] + w[0].upper()
            for w in f"{_USER_WORD_TEXT}|{_ACCOUNT_WORD_TEXT}".split("|")
        }
    )
)
# The look ahead comes first so that ``re`` skips to the letters a user word
# starts with. A name called with arguments is code ("user get_user(user_id)"); one
# before "(uid=1000)" is not.
USER_WORD = re.compile(
    r"(?=[" + _FIRST_LETTERS + r"])(?<![\w-])"
    r"(?i:" + _USER_WORD_TEXT + r"|(?P<account>" + _ACCOUNT_WORD_TEXT + r"))"
    r"[ \t]+['\"‘“(<]?(?P<name>\w(?:[\w.-]{0,62}\w)?)"
    r"(?![\w@]|\(\w*[,)]|[.-]\w|['’]\w)"
)  # fmt: skip
# A lead right before the user word: "for ", "para el ", "pour l'",
# "dell'".
_LEAD = re.compile(
    r"(?<![\w'’-])(?i:(?:" + _alternatives(_LEADS) + r")[ \t]+"
    r"(?:(?:" + _ARTICLES + r")[ \t]+|l['’])?|(?:" + _ELIDED + r")['’])\Z"
)  # fmt: skip


# What follows a user name in a log line: where the user came from, an
# address ("kwozniak z adresu 178.43.21.10", "jdoe from 10.0.0.5").
_FROM_ADDRESS = re.compile(
    r"[ \t]+(?i:from|von|vom|de|depuis|desde|da|dal|van|vanaf|från|z|ze|od|do)"
    r"(?:[ \t]+(?i:adresu|address|adresse|l'adresse|la[ \t]+dirección|"
    r"dirección|indirizzo|l'indirizzo|adres|endereço|o[ \t]+endereço|host|ip))?"
    r"[ \t]+\[?(?:\d{1,3}\.\d{1,3}\.|[0-9a-fA-F]{0,4}:[0-9a-fA-F]{0,4}:)"
)


def pattern_lexicon() -> Lexicon:
    """The lexicon (:func:`gdprgate.detect.gate.load_lexicon`), imported
    when first needed: the gate imports the patterns."""
    from gdprgate.detect.gate import load_lexicon

    return load_lexicon()


def is_ordinary_word(name: str) -> bool:
    """Whether ``name`` reads as a word of a language, not a user name: an
    ordinary word of the lexicon, or, missing from it, no name and ending
    like an English noun of an action ("provisioning", "impersonation")."""
    lower = name.lower()
    lexicon = pattern_lexicon()
    if lexicon.is_ordinary(lower) or (
        # A plural the lexicon lacks: "user avatars".
        lower.endswith("s") and lexicon.is_ordinary(lower[:-1])
    ):
        return True
    return lower not in lexicon.names and _ACTION_ENDING.search(lower) is not None


def is_user_name_after(text: str, match: re.Match[str]) -> bool:
    """Whether the word after the user word of ``match`` is a user name."""
    name = match.group("name")
    if name.isdecimal() or not any(c.isalpha() for c in name):
        return False
    if name.lower() in _ORDINARY:
        return False
    if match.group("account") is not None:
        return _is_account_login(name)
    if _USER_NAME_SHAPE.search(name):
        return True

    # An ordinary-looking word counts in a log construction only: a lead
    # before it, a log prefix, or an address it came from after it. Without
    # an address, a word of a language is a thing done to users ("user
    # deletion", "Benutzer sperren", "usuario bloqueado").
    if _FROM_ADDRESS.match(text, match.end()) is not None:
        return True
    if is_ordinary_word(name):
        return False
    start = match.start()
    if _line_prefix_end(text, start) in _LINE_PREFIX_ENDS:
        return True
    if not _may_follow_lead(text, start):
        return False
    return _LEAD.search(text, _two_words_back(text, start), start) is not None


def _is_account_login(name: str) -> bool:
    """Whether the word after an account word is a login: three letters or
    more, with a digit or a "." or "_" among them ("jan.mroz1980",
    "kasia_p", "mroz1980"), and no ordinary word ("e-mail", "v2" and
    "DE44" of an IBAN are none)."""
    letters = sum(char.isalpha() for char in name)
    return (
        letters >= 3
        and _ACCOUNT_LOGIN_SHAPE.search(name) is not None
        and not is_ordinary_word(name)
    )


def _may_follow_lead(text: str, start: int) -> bool:
    """Whether the user word at ``start`` may follow a lead: an apostrophe
    right before it ("dell'utente") or a lead word or an article as the
    last letters before the blanks. A cheap test before the search."""
    end = start
    if end > 0 and text[end - 1] in "'’":
        return True
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    word_start = end
    while word_start > max(0, end - 16) and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:end].lower() in _LEAD_WORDS


def _two_words_back(text: str, start: int) -> int:
    """Where the second word before ``start`` begins, on its line and at
    most ``_LEAD_REACH`` characters back: a lead ("for", "para el") starts
    there or later, and the search for it reads no more."""
    reach = max(0, start - _LEAD_REACH)
    position = start
    for _ in range(2):
        while position > reach and text[position - 1] in " \t":
            position -= 1
        while position > reach and text[position - 1] not in " \t\n":
            position -= 1
    return position


def _line_prefix_end(text: str, start: int) -> str:
    """The last character before the user word at ``start`` on its line,
    past an elided article and blanks ("" at the start of a line).

    Only the blanks right before the user word are read, never the whole
    line: a line of "user user user ..." stays linear."""
    end = start
    if _ELIDED_ARTICLE.search(text, max(0, end - 2), end) is not None:
        end -= 2
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return "" if end == 0 else text[end - 1]
