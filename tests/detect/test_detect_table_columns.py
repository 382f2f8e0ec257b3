"""Values under a table header that names their type: CSV, TSV, Markdown,
psql and SQL INSERT, in several languages, with exact spans."""

from __future__ import annotations

import pytest

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.patterns.column_values import ColumnValueRecognizer
from gdprgate.detect.patterns.field_names import field_name_entity, is_placeholder
from gdprgate.detect.patterns.table_columns import column_cells

P, U, L = "PERSON", "USERNAME", "LOCATION"
E, T, IB = "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE"

_PSQL = (
    " id  | username   | full_name          | email\n"
    "-----+------------+--------------------+------------\n"
    " 101 | mlefebvre  | Mathilde Lefebvre  | mathilde.lefebvre@example.fr\n"
    " 102 | tnakamura  | Takeshi Nakamura   | t.nakamura@example.jp\n"
    "(2 rows)"
)

# (text, [(entity, value)] in text order); [] is a negative case.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "user,email,role\nbwallace,bwallace@example.com,admin\n"
        "cnguyen,chau.nguyen@example.com,viewer\nropoku,r.opoku@example.com,editor",
        [
            (U, "bwallace"),
            (E, "bwallace@example.com"),
            (U, "cnguyen"),
            (E, "chau.nguyen@example.com"),
            (U, "ropoku"),
            (E, "r.opoku@example.com"),
        ],
    ),
    (
        "customer_id,first_name,last_name,email,phone,city\n"
        "30213,Wojciech,Nowicki,w.nowicki@example.pl,+48 601 234 567,Kraków",
        [
            (P, "Wojciech"),
            (P, "Nowicki"),
            (E, "w.nowicki@example.pl"),
            (T, "+48 601 234 567"),
            (L, "Kraków"),
        ],
    ),
    (
        _PSQL,
        [
            (U, "mlefebvre"),
            (P, "Mathilde Lefebvre"),
            (E, "mathilde.lefebvre@example.fr"),
            (U, "tnakamura"),
            (P, "Takeshi Nakamura"),
            (E, "t.nakamura@example.jp"),
        ],
    ),
    (
        "INSERT INTO users (id, username, first_name) VALUES "
        "(7, 'hfischer', 'Hannes'), (8, 'aokafor', 'Adaeze');",
        [(U, "hfischer"), (P, "Hannes"), (U, "aokafor"), (P, "Adaeze")],
    ),
    # German semicolons, French tabs, Markdown in Polish, Spanish, Swedish.
    (
        "Vorname;Nachname;Ort\nJonas;Weidemann;Münster\nGreta;Albers;Kiel",
        [
            (P, "Jonas"),
            (P, "Weidemann"),
            (L, "Münster"),
            (P, "Greta"),
            (P, "Albers"),
            (L, "Kiel"),
        ],
    ),
    (
        "prénom\tnom\tville\nCamille\tRenaud\tNantes",
        [(P, "Camille"), (P, "Renaud"), (L, "Nantes")],
    ),
    (
        "| imię | nazwisko | użytkownik |\n|---|---|---|\n| Ola | Wrzos | owrzos |",
        [(P, "Ola"), (P, "Wrzos"), (U, "owrzos")],
    ),
    (
        "nombre,apellido,usuario\nLucía,Ferrer,lferrer",
        [(P, "Lucía"), (P, "Ferrer"), (U, "lferrer")],
    ),
    (
        "förnamn,efternamn,användare\nTove,Lindqvist,tlind",
        [(P, "Tove"), (P, "Lindqvist"), (U, "tlind")],
    ),
    # A name ending in a sure field counts; quoted CSV cells are read whole.
    (
        'id,customerEmail,billing_city\n1,"ana@example.org","Porto"',
        [(E, "ana@example.org"), (L, "Porto")],
    ),
    (
        "iban,amount\nDE89 3704 0044 0532 0130 00,12.50",
        [(IB, "DE89 3704 0044 0532 0130 00")],
    ),
    # "name" beside a personal column is a person; alone, only a whole name.
    ("name,email\nLena,lena@example.org", [(P, "Lena"), (E, "lena@example.org")]),
    ("name,team\nLena Hoffmann,core\nbuild-agent,ci", [(P, "Lena Hoffmann")]),
    # Placeholders and values of the wrong shape are no values.
    (
        "username,first_name,phone,city\nn/a,NULL,-,\nroot,42,12,n/a\n"
        "true,Anna Lee,+49 30 1234567,Remote",
        [(P, "Anna Lee"), (T, "+49 30 1234567")],
    ),
    ("INSERT INTO t (id, username) VALUES (1, NULL), (2, 'null'), (3, 'admin');", []),
    # Tables that name no one: a place is personal beside a person only.
    ("country,city,population\nFrance,Paris,2100000\nSpain,Madrid,3300000", []),
    ("name,city\nAnna Lee,Lyon", [(P, "Anna Lee")]),
    ("city,username\nLyon,kweber", [(L, "Lyon"), (U, "kweber")]),
    ("name,version\nrequests,2.31.0\nnumpy,1.26.4\nflask,3.0.2", []),
    ("product_name,price,stock\nWidget Pro,19.99,4\nSteel Bolt,0.10,900", []),
    ("metric,p50,p99\nlatency_ms,12,80\nerrors,0,3", []),
    ("host,ip_address,status\nweb-01,10.0.0.4,up\ndb-01,10.0.0.5,down", []),
    ("| file_name | size |\n|---|---|\n| Report Final.pdf | 12 KB |", []),
    # Without a column list, a table named for people vouches for the
    # values that look like names on their own; other tables for none.
    (
        "INSERT INTO users VALUES (7, 'hfischer', 'Hannes', 'Fischer');",
        [(P, "Hannes"), (P, "Fischer")],
    ),
    (
        "INSERT INTO users VALUES (1, 'Kowalski', 'Jan', 'jan.k@example.org');",
        [(P, "Kowalski"), (P, "Jan")],
    ),
    (
        "insert into crm.customers values (3, 'Okafor', 'Chidi', 'active'),"
        " (4, 'Lindqvist', 'Per', NULL);",
        [(P, "Okafor"), (P, "Chidi"), (P, "Lindqvist"), (P, "Per")],
    ),
    (
        "INSERT INTO `Mitarbeiter` VALUES (2, 'Brandt', 'Jonas');",
        [(P, "Brandt"), (P, "Jonas")],
    ),
    (
        "INSERT INTO clientes VALUES (5, 'Castro', 'Lucía', 'premium');",
        [(P, "Castro"), (P, "Lucía")],
    ),
    ("INSERT INTO products VALUES (1, 'Widget Pro', 'Lenovo', 'Steel Bolt');", []),
    ("INSERT INTO users VALUES (8, 'active', 'admin', 'Backup job', 42);", []),
    # A blank line ends a table; a line without the delimiter too.
    ("user,role\njdoe,admin\n\nnotes,x\nkweber,y", [(U, "jdoe")]),
    # Unsure headers alone: cells that look personal on their own count
    # (a user name with a dot, an underscore or a digit; a name the
    # lexicon knows; a street address with a number).
    (
        "name,account,address\nOkonkwo,okonkwo88,12 Elm Road\nWidget,brann1,Leeds",
        [(P, "Okonkwo"), (U, "okonkwo88"), (L, "12 Elm Road"), (U, "brann1")],
    ),
    ("account,balance\nSavings,100\nChecking,200", []),
    ("host,address\nweb-01,10.0.0.4\ndb-01,fe80::1", []),
    # A list of one column: never sure, so only values that look personal.
    ("account\nwojtek.nowak\nanna.k", [(U, "wojtek.nowak"), (U, "anna.k")]),
    (
        "account\n-----\nwojtek.nowak\nbeata.zielinska\nadmin\n\nbob.x",
        [(U, "wojtek.nowak"), (U, "beata.zielinska")],
    ),
    ("username\nkweber", []),
    ("Name\nThe name of the file to read.", []),
    # A header is a line of column names only: prose with commas is none.
    (
        "User, group, and other permissions are set with chmod.\n"
        "Read, write, and execute are the bits.\n"
        "Owner, staff, everyone: three classes.",
        [],
    ),
    (
        "Benutzer, Gruppe und Andere haben Rechte.\n"
        "Lesen, Schreiben, Ausführen sind die Bits.\nBesitzer, Team, Alle.",
        [],
    ),
    (
        "Login, logout, and session refresh are logged.\n"
        "Success, failure, and timeout are the outcomes.",
        [],
    ),
    # A row has as many cells as its header; the first line that has not
    # ends the table.
    ("name,user\nbuild,ci\nThanks, will check, see you tomorrow", []),
    ("user,role\njdoe,admin\nkweber,dev,extra\nzlast,x", [(U, "jdoe")]),
    (
        "user,email\njdoe,jd@example.org,\nkweber,kw@example.org",
        [(U, "jdoe"), (E, "jd@example.org"), (U, "kweber"), (E, "kw@example.org")],
    ),
    (
        "| user | role |\n|---|---|\n| jdoe | admin |\nkweber | dev",
        [(U, "jdoe"), (U, "kweber")],
    ),
    # Key/value lists and schemas: the field names stand in the first
    # column, and a key types its own value only.
    ("key,value\nuser,guest\nlogin,disabled\ncity,Berlin", []),
    ("Setting;Value\nuser;default\naccount;trial", []),
    ("Column | Type\nuser | varchar\nemail | varchar\ncity | varchar", []),
    ("Field,Type,Description\nuser,string,Owner account\nemail,string,Mail", []),
    (
        "Name,Type,Email\nLena Hoffmann,staff,lh@example.org",
        [(P, "Lena Hoffmann"), (E, "lh@example.org")],
    ),
    (
        "key,value\nusername,jdoe42\nemail,jd@example.org\ncity,Berlin",
        [(U, "jdoe42"), (E, "jd@example.org")],
    ),
    # A user column holds user names, not permissions, roles, outcomes,
    # login methods or service accounts that are ordinary words.
    (
        "Handle,Title,Vendor,Type\nclassic-tee,Classic Tee,Acme,Shirts\n"
        "wool-socks,Wool Socks,Acme,Socks",
        [],
    ),
    ("| Team | Handle |\n|---|---|\n| Backend | backend-team |", []),
    ("| Team | Handle |\n|---|---|\n| Core | @anna_k |", [(U, "@anna_k")]),
    (
        "| Feature | User | Admin |\n|---|---|---|\n| Export | yes | yes |\n"
        "| Invite | limited | full |",
        [],
    ),
    (
        "| Funktion | Benutzer | Admin |\n|---|---|---|\n| Lesen | ja | ja |\n"
        "| Schreiben | eingeschränkt | ja |",
        [],
    ),
    ("Role,User,Group\nreader,viewer,staff\nwriter,editor,staff", []),
    (
        "| Endpoint | Method | User |\n|---|---|---|\n| /api/items | GET | reader |",
        [],
    ),
    ("| Tool | Login | Notes |\n|---|---|---|\n| Grafana | SSO | via Okta |", []),
    ("login,status,count\nsuccess,200,1500\nfailure,401,20", []),
    ("metric,value,user\ncpu,0.8,system", []),
    ("host,user,port\nweb01,deploy,22", []),
    ("user\tcommand\ttime\nalice\tls\t0.01", [(U, "alice")]),
    # A name that only its table vouches for must look like a person's.
    (
        "name;username;city\nBackup job;svc_backup;Frankfurt",
        [(U, "svc_backup"), (L, "Frankfurt")],
    ),
    (
        "name,email,role\nbuild-bot,bot@example.invalid,service",
        [(E, "bot@example.invalid")],
    ),
    ("name,user\nbuild,ci\nanna.k,jdoe", [(P, "anna.k"), (U, "jdoe")]),
    (
        "name,email\nOkafor Nwosu,on@example.org\nNightly Build,ci@example.org",
        [(P, "Okafor Nwosu"), (E, "on@example.org"), (E, "ci@example.org")],
    ),
    # In a name column, "Test" and "Private" are surnames; "n/a" no value.
    (
        "last_name,city\nPrivate,Leeds\nTest,York\nn/a,Remote",
        [(P, "Private"), (L, "Leeds"), (P, "Test"), (L, "York")],
    ),
]


def _found(text: str) -> list[tuple[str, int, int]]:
    return [
        (f.entity, f.start, f.end)
        for f in sorted(ColumnValueRecognizer().analyze(text), key=lambda f: f.start)
    ]


def _expected(text: str, values: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    spans, position = [], 0
    for entity, value in values:
        start = text.index(value, position)
        spans.append((entity, start, start + len(value)))
        position = start + len(value)
    return spans


@pytest.mark.parametrize(("text", "values"), CASES)
def test_values_of_columns_named_by_their_header(
    text: str, values: list[tuple[str, str]]
) -> None:
    assert _found(text) == _expected(text, values)


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("user_name", "USERNAME"),
        ("Benutzername", "USERNAME"),
        ("gebruiker", "USERNAME"),
        ("Straße", "LOCATION"),
        ("dirección", "LOCATION"),
        ("Nachname", "PERSON"),
        ("E-Mail", "EMAIL_ADDRESS"),
        ("Telefonnummer", "PHONE_NUMBER"),
        ("user_id", None),
        ("version", None),
    ],
)
def test_one_vocabulary_names_the_fields(name: str, entity: str | None) -> None:
    assert field_name_entity(name) == entity


@pytest.mark.parametrize(
    ("value", "none"),
    [
        ("n/a", True),
        ("NULL", True),
        ("-", True),
        ("", True),
        ("k.A.", True),
        ("Anna", False),
        ("ropoku", False),
    ],
)
def test_placeholders_say_there_is_no_value(value: str, none: bool) -> None:
    assert is_placeholder(value) is none


@pytest.mark.parametrize(
    ("value", "entity", "none"),
    [
        ("n/a", "PERSON", True),
        ("NULL", "PERSON", True),
        ("unknown", "PERSON", True),
        ("k.A.", "PERSON", True),
        ("-", "PERSON", True),
        # Surnames and given names in a name column (fail closed).
        ("Test", "PERSON", False),
        ("Private", "PERSON", False),
        ("Anon", "PERSON", False),
        ("Various", "PERSON", False),
        # Elsewhere they say there is none, or nowhere.
        ("Test", "USERNAME", True),
        ("Remote", "LOCATION", True),
        ("Private", "LOCATION", True),
        ("Remote", None, True),
    ],
)
def test_placeholders_depend_on_the_type_of_the_column(
    value: str, entity: str | None, none: bool
) -> None:
    assert is_placeholder(value, entity) is none


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("id,username,city\n" + "1,kweber,Lyon\n" * 80_000 + "2,zlast,Brest", "zlast"),
        (
            "INSERT INTO u (id, login) VALUES "
            + "(1, 'kweber'), " * 60_000
            + "(2, 'zlast');",
            "zlast",
        ),
        ("user,email\n" * 100_000, None),
    ],
)
def test_columns_hold_to_the_end_of_a_megabyte(text: str, last: str | None) -> None:
    """A megabyte of table, of SQL rows or of header lines is read to its
    end: the last row's cell is still found, and header words under header
    words are no values (one pass; no timing asserted)."""
    cells = column_cells(text, CONTEXT_LANGUAGES)

    if last is None:
        assert ColumnValueRecognizer().analyze(text) == []
    else:
        start = text.rindex(last)
        assert cells.holds(start, start + len(last))
