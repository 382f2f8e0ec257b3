"""User names in logs, shell output and code: after user words, in log
records, in home directories, and ``@`` handles, with exact spans."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.patterns.device_names import DeviceOwnerRecognizer
from gdprgate.detect.patterns.home_directory import HomeDirectoryRecognizer
from gdprgate.detect.patterns.login_records import LoginRecordRecognizer
from gdprgate.detect.patterns.username import UsernameRecognizer
from tests.detect.pattern_cases import reported, spans_of

# A name after a user word: shaped like a user name, or led to by a log
# construction (a preposition, a log verb, the start of a line).
USER_WORDS: list[tuple[str, list[str]]] = [
    ("user ropoku", ["ropoku"]),
    ("[auth] user ropoku logged in", ["ropoku"]),
    ("Failed password for invalid user jdoe from 10.0.0.5", ["jdoe"]),
    ("session opened for user jdoe(uid=1000) by (uid=0)", ["jdoe"]),
    ("Created user 'tvanloon' in realm staff", ["tvanloon"]),
    ("fallo de autenticación para el usuario mgarcia", ["mgarcia"]),
    ("Anmeldung fehlgeschlagen für Benutzer j.schaefer", ["j.schaefer"]),
    ("inloggen mislukt voor gebruiker lotte.dekker", ["lotte.dekker"]),
    ("échec de connexion pour l'utilisateur mleroux", ["mleroux"]),
    ("accesso negato per l'utente grossi", ["grossi"]),
    ("błąd logowania dla użytkownika akowalska", ["akowalska"]),
    ("falha de login para o usuário jsilva", ["jsilva"]),
    ("inloggning misslyckades för användare svenssonk", ["svenssonk"]),
    # An address it came from after the name makes a log line too.
    (
        "BŁĄD 2026-03-02 10:11:12 nieudane logowanie użytkownika kwozniak "
        "z adresu 178.43.21.10",
        ["kwozniak"],
    ),
    ("login attempt by user anna from 10.0.0.5", ["anna"]),
    ("the user clicked from 10.0.0.1", []),
    # A call is code, not a user.
    ("the user get_user(user_id)", []),
    # Shaped like a user name, a name counts without a lead.
    ("der Benutzer k.weber hat sich angemeldet", ["k.weber"]),
    ("the user anna_k2 clicked twice", ["anna_k2"]),
    ("login anna42", ["anna42"]),
    # Ordinary words after a user word are no names.
    ("The user interface is slow.", []),
    ("user interface", []),
    ("the user clicked the button", []),
    ("User accounts are locked after five attempts.", []),
    ("for user management, see the guide", []),
    ("Users can log in with user 42.", []),
    ("der Benutzer klickt auf Speichern", []),
    ("pour l'utilisateur final", []),
    ("para el usuario final", []),
    ("l'utilisateur clique sur Envoyer", []),
    ("voor de gebruiker van de app", []),
    ("USER       PID %CPU", []),
    ("login required\nuser already exists\nuser not found", []),
    # German and Swedish plurals look like singulars; elided words stay.
    ("Benutzer können sich anmelden.", []),
    ("användare kan logga in", []),
    ("l'utilisateur n'existe pas", []),
    # A word of a language after a user word that starts a line or an
    # item: a thing done to users, not a user (a name-shaped one counts).
    ("user avatar", []),
    ("user quotas\nuser provisioning\nuser deletion\nuser analytics", []),
    ("- user onboarding flow\n- user impersonation\n- user avatars", []),
    ("Benutzer anlegen\nBenutzer sperren\nBenutzer löschen", []),
    ("utilisateur inactif\nutilisateur bloqué", []),
    ("usuario bloqueado\nusuario registrado", []),
    ("gebruiker geblokkeerd\ngebruiker aangemaakt", []),
    ("New user signup flow: user enters email", []),
    ("Sent as user notification.", []),
    ("user\tcommand\ttime\nnora\tls\t0.01", []),
    ("- user t.vanloon", ["t.vanloon"]),
    ("user ropoku deleted", ["ropoku"]),
    # An address after it makes a log line even for a word.
    ("invalid user oracle from 10.0.0.5", ["oracle"]),
    # Part of a longer word, or an account of nobody.
    ("superuser jdoe", []),
    ("Failed password for invalid user admin from 10.0.0.5", []),
]


@pytest.mark.parametrize(("text", "values"), USER_WORDS)
def test_names_after_user_words(text: str, values: list[str]) -> None:
    assert reported(UsernameRecognizer(), text) == spans_of(text, values)


HANDLES_AND_LABELS: list[tuple[str, list[str]]] = [
    ("thanks @k_brandt and @lotte.dekker", ["@k_brandt", "@lotte.dekker"]),
    ("ping @team-billing please", ["@team-billing"]),
    ("@jdoe\nthanks for the fix", ["@jdoe"]),
    ("tack @älgmannen", ["@älgmannen"]),
    ("danke @jürgen_k!", ["@jürgen_k"]),
    # Package scopes, broadcasts, annotations, decorators and doc tags.
    ('"name": "@acme/markdown-renderer"', []),
    ("import * as Sentry from '@sentry/node'", []),
    ("@Test\nvoid sendsWelcomeMail() {}", []),
    ("    @Override public String toString()", []),
    ('@SuppressWarnings("unchecked")', []),
    ("@pytest.fixture\ndef db():", []),
    ("@app.route('/login')", []),
    ("@channel @here @everyone deploy is done", []),
    ("/**\n * @param name the name\n */", []),
    ("@media (max-width: 600px) {", []),
    # Labels: the whole token, quoted keys, a label ending a longer key.
    ("Cookie: session=9a8b7c6d5e4f3a2b1c0d; last_user=nora.finch", ["nora.finch"]),
    ('{"username": "jdoe"}', ["jdoe"]),
    ("user=mkowalczyk", ["mkowalczyk"]),
    ("Set-Cookie: uname=torvald.eriksen; Secure", ["torvald.eriksen"]),
    # A handle-shaped token after a username word is taken whole.
    ("Nutzername im Forum ist stefan_b_1984", ["stefan_b_1984"]),
    ("my username there: kim_o_77", ["kim_o_77"]),
    ("the username rules apply, then sha_256 hashes", []),
    ("encode as utf_8 and hash with sha_256", []),
    ("def get_user(user_id):", []),
    ("login: mkowalczyk", ["mkowalczyk"]),
    ("USER=root ; login: admin", []),
    # Code assigns values, not names.
    ("let user = await getUser();", []),
    ("user = User.objects.get(pk=1)", []),
    ("user = None", []),
    # A state or a kind in SQL is no name; a name-shaped value is.
    ("WHERE account = 'checking'", []),
    ("WHERE account = 'retail'", []),
    ("UPDATE users SET login = 'enabled'", []),
    ("UPDATE users SET login = 'h.okafor'", ["h.okafor"]),
    ("WHERE username = 'ropoku'", ["ropoku"]),
]


@pytest.mark.parametrize(("text", "values"), HANDLES_AND_LABELS)
def test_handles_and_labelled_names(text: str, values: list[str]) -> None:
    assert reported(UsernameRecognizer(), text) == spans_of(text, values)


# A dotted login right after a verb that takes a person, no user word
# before it: an initial or a given name before the dot, or no words alone.
ADDRESSED_LOGINS: list[tuple[str, list[str]]] = [
    ("For access, ask j.doe about it.", ["j.doe"]),
    ("ping m.berg when the build is done", ["m.berg"]),
    ("Thanks j.doe!", ["j.doe"]),
    ("Ask max.power or thanks priya.k for the slides", ["max.power", "priya.k"]),
    ("frag j.schaefer nach dem Schlüssel", ["j.schaefer"]),
    ("Chiedi a l.ferri per le chiavi.", ["l.ferri"]),
    ("Demandez à m.leroux le badge.", ["m.leroux"]),
    ("pregunta a j.perez mañana", ["j.perez"]),
    ("zapytaj k.nowak o klucz", ["k.nowak"]),
    # Hosts, calls, files and abbreviations after such a verb are none.
    ("ping db.internal to check the host", []),
    ("ping db.prod.internal now", []),
    ("ask np.array for the shape", []),
    ("tell os.path to join them", []),
    ("email notes.txt to the team", []),
    ("ask e.g. the team", []),
    ("dm d.b about it", []),
    # Not right after the verb: left to the model.
    ("ask the j.doe team", []),
]


@pytest.mark.parametrize(("text", "values"), ADDRESSED_LOGINS)
def test_dotted_logins_after_verbs_that_take_people(
    text: str, values: list[str]
) -> None:
    assert reported(UsernameRecognizer(), text) == spans_of(text, values)


HOMES: list[tuple[str, list[str]]] = [
    ("open /home/jdoe/backups/db.sql failed", ["jdoe"]),
    ("/home/ewa.nowak/.ssh/id_ed25519", ["ewa.nowak"]),
    ("/home/dmitri.volkov/app.yml", ["dmitri.volkov"]),
    ("PWD=/home/jbergstrom ; HOME=/var/home/kl", ["jbergstrom", "kl"]),
    ("file:///home/jdoe/notes.txt", ["jdoe"]),
    ("/Users/tobiasfenwick/dev/renderer.py", ["tobiasfenwick"]),
    ("C:\\Users\\MohammedAlFarsi\\AppData\\Roaming", ["MohammedAlFarsi"]),
    ('File "C:\\Users\\Anna.Kowalska\\src\\sync.py", line 77', ["Anna.Kowalska"]),
    ('{"path": "D:\\\\Users\\\\jnovak\\\\x.txt"}', ["jnovak"]),
    ("d:/users/Ola Nordmann/Desktop/x.txt", ["Ola Nordmann"]),
    ("C:\\Documents and Settings\\pmeier\\Desktop", ["pmeier"]),
    ("cd ~jdoe/projects", ["jdoe"]),
    # Accounts of nobody, placeholders, web paths and words.
    ("/home/root/x /home/ubuntu/x /home/runner/work /home/www-data/x", []),
    ("C:\\Users\\Public\\x C:\\Users\\Default\\x /Users/Shared/x", []),
    ("C:\\Users\\Administrator\\x /home/$USER/x C:\\Users\\%USERNAME%\\x", []),
    ("https://example.com/home/about and https://example.com/Users/x", []),
    ("Users can log in to /home", []),
    ("~/.bashrc takes ~5 min", []),
    # Shared profiles and the homes of service accounts.
    ("C:\\Users\\All Users", []),
    ("C:\\Users\\All Users\\Microsoft\\x.ini", []),
    ("C:\\Users\\Allan\\x.ini", ["Allan"]),
    ("/home/jovyan/work /home/deploy/app /home/steam/games", []),
    ("/home/jenkins/workspace/build.log", []),
]


@pytest.mark.parametrize(("text", "values"), HOMES)
def test_user_names_of_home_directories(text: str, values: list[str]) -> None:
    assert reported(HomeDirectoryRecognizer(), text) == spans_of(text, values)


_PS = (
    "USER       PID %CPU %MEM    VSZ   RSS TTY STAT START TIME COMMAND\n"
    "olsen     4711  0.0  0.1 123456  7890 ?   S    10:00 0:00 python app.py\n"
    "root         1  0.0  0.1  16952 13044 ?   Ss   09:00 0:01 /sbin/init\n"
    "jbergst+  4712  1.0  0.1 123456  7890 ?   S    10:00 0:00 vim"
)

RECORDS: list[tuple[str, list[str]]] = [
    ("Accepted publickey for mkowalczyk from 10.0.0.5 port 52114 ssh2", ["mkowalczyk"]),
    (
        "sudo: jbergstrom : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls",
        ["jbergstrom"],
    ),
    ("mbauer   pts/0   10.1.2.3   Mon Mar  2 10:11   still logged in", ["mbauer"]),
    ("reboot   system boot  6.1.0  Mon Mar  2 09:00   still running", []),
    (_PS, ["olsen", "jbergst+"]),
    ("olsen     4711  0.0  0.1 python app.py", []),
    ("uid=gkaraca,ou=people,dc=example,dc=com", ["gkaraca"]),
    ("cn=Jane Roe,ou=staff,dc=example,dc=com", ["Jane Roe"]),
    ("uid=1000(jdoe) gid=1000(jdoe) groups=1000(jdoe),27(sudo)", ["jdoe"] * 3),
    ("uid=1000 gid=1000", []),
    ("curl -u 'ebrandt:Pa55word' https://api.example.com", ["ebrandt:Pa55word"]),
    ("curl --user ebrandt https://api.example.com", ["ebrandt"]),
    ("Merge pull request #482 from hgruber/feature/kafka-retry", ["hgruber"]),
    # A branch of the same repository or a bot names no one; an owner
    # that is an organisation cannot be told from a user: masked.
    ("Merge pull request #42 from release/v2.0", []),
    ("Merge pull request #12 from dependabot/npm_and_yarn/lodash-4.17.21", []),
    ("Merge pull request #9 from Feature/login-form", []),
    ("Merge pull request #7 from acme/feature-login", ["acme"]),
    ("Merge pull request #8 from releaser/v2.0", ["releaser"]),
    # ps cuts system accounts short ("systemd+", "message+"); "_apt" is one.
    (
        "USER       PID %CPU COMMAND\n"
        "systemd+   500  0.0 /lib/systemd/systemd-resolved\n"
        "message+   600  0.0 dbus-daemon\n"
        "_apt       700  0.0 apt\n"
        "systemk+   710  0.0 bash\n"
        "messner    720  0.0 vim",
        ["systemk+", "messner"],
    ),
    ("<developer>\n  <id>eduarte</id>\n  <name>E. Duarte</name>", ["eduarte"]),
    ("<plugin>\n  <id>enforce</id>\n</plugin>", []),
    ("<server><username>lpetit</username></server>", ["lpetit"]),
    # Shell commands, ssh and prompts.
    ("sudo -u jbergstrom psql", ["jbergstrom"]),
    ("mysql -u lhansen -p shop", ["lhansen"]),
    ("psql -U jdoe -d app", ["jdoe"]),
    ("python -u app.py && git push -u origin main", []),
    ("docker run -u 1000:1000 image", []),
    ("chown jdoe:staff notes.txt", ["jdoe"]),
    ("chown -R root:root /srv", []),
    ("$ su - jdoe", ["jdoe"]),
    ("su nombre es Ana", []),
    ("sudo useradd -m -s /bin/bash -G sudo lhansen", ["lhansen"]),
    ("ssh -i key.pem mkowalczyk@10.0.0.1", ["mkowalczyk"]),
    ("scp db.sql jdoe@backup01:/tmp/", ["jdoe"]),
    ("ssh root@10.0.0.2", []),
    ("mkowalczyk@buildbox:~/src$ make", ["mkowalczyk"]),
    ("(venv) jdoe@laptop:~$ ls", ["jdoe"]),
    # Access logs (common and combined format), IPv6 and IPv4 clients.
    (
        "2a02:8108:1240:3f00:9c1e:4b2f:a1d3:77e0 - pkrause "
        '[02/Mar/2026:09:00:01 +0000] "POST /login HTTP/2.0" 302 0 "-" "curl/8.5.0"',
        ["pkrause"],
    ),
    (
        '203.0.113.7 - pkrause [02/Mar/2026:09:00:01 +0000] "GET / HTTP/1.1"',
        ["pkrause"],
    ),
    ('203.0.113.7 - - [02/Mar/2026:09:00:01 +0000] "GET / HTTP/1.1"', []),
    ("uid=1001(jenkins) gid=1001(jenkins) groups=1001(jenkins)", ["jenkins"] * 3),
    ("Accepted publickey for jenkins from 10.0.0.5 port 52114 ssh2", ["jenkins"]),
]


@pytest.mark.parametrize(("text", "values"), RECORDS)
def test_user_names_of_log_records_and_tools(text: str, values: list[str]) -> None:
    assert reported(LoginRecordRecognizer(), text) == spans_of(text, values)


U, P = "USERNAME", "PERSON"
# /etc/passwd: a person's login and full name; system accounts left out.
PASSWD: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "gkaraca:x:10442:10442:Gökhan Karaca,,,:/home/gkaraca:/bin/bash",
        [(U, "gkaraca"), (P, "Gökhan Karaca")],
    ),
    ("anna:x:501:20:Anna:/Users/anna:/bin/zsh", [(U, "anna"), (P, "Anna")]),
    (
        "jdoe:x:501:20:Jane Doe:/nfs/home/jdoe:/bin/zsh",
        [(U, "jdoe"), (P, "Jane Doe")],
    ),
    # A home outside /home is someone's too.
    ("okafor:x:640:640::/data/users/okafor:/bin/bash", [(U, "okafor")]),
    ("mkowalski:x:600:600::/users/mkowalski:/bin/bash", [(U, "mkowalski")]),
    # A uid of 1000 or more is never a system account's, whatever its name.
    ("gast:x:1002:1002::/home/gast:/bin/bash", [(U, "gast")]),
    (
        "jenkins:x:1001:1001:Mary Jenkins:/home/jenkins:/bin/bash",
        [(U, "jenkins"), (P, "Mary Jenkins")],
    ),
    # System accounts: no login shell, or an account of nobody under 1000.
    ("svc_kafka:x:998:998::/var/lib/kafka:/usr/sbin/nologin", []),
    ("okafor:x:900:900::/home/okafor:/usr/sbin/nologin", []),
    ("root:x:0:0:root:/root:/bin/bash", []),
    (
        "postgres:x:110:118:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash",
        [],
    ),
    ("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin", []),
]


@pytest.mark.parametrize(("text", "values"), PASSWD)
def test_logins_and_full_names_of_passwd_entries(
    text: str, values: list[tuple[str, str]]
) -> None:
    found = [(f.entity, f.start, f.end) for f in LoginRecordRecognizer().analyze(text)]
    expected = [
        (entity, start, end)
        for (entity, _), (start, end) in zip(
            values, spans_of(text, [value for _, value in values]), strict=True
        )
    ]
    assert found == expected


DEVICES: list[tuple[str, list[str]]] = [
    ("connected (Lukass-iPhone)", ["Lukass"]),
    ("Anna's MacBook Pro joined the network", ["Anna"]),
    ("iPhone von Lukas verbunden", ["Lukas"]),
    ("iPhone de Mathilde connecté", ["Mathilde"]),
    # Generated names, brands and possessives that name no one.
    ("host DESKTOP-7G2K9QX joined", []),
    ("Apple iPhone 15 and Google Pixel 8", []),
    ("My-iPhone", []),
    # Kinds of devices, brands and carriers own nothing.
    ("Gaming-Laptop, Business-Laptop, Windows-Laptop, Linux-Laptop", []),
    ("Budget-Phone, Smart-Phone, Outdoor-Phone und Senioren-Phone", []),
    ("iPhone von Telekom, iPhone von Vodafone, iPhone de Movistar", []),
    ("Galaxy de Vodafone, iPhone van KPN, Laptop von Lenovo", []),
    ("Laptop di Lenovo, Laptop de Gama alta", []),
    # A known given name owns a device of any kind.
    ("Laptop von Lukas", ["Lukas"]),
    ("Anna-Laptop", ["Anna"]),
    ("iPhone van Sanne", ["Sanne"]),
]


@pytest.mark.parametrize(("text", "values"), DEVICES)
def test_owner_names_of_devices(text: str, values: list[str]) -> None:
    assert reported(DeviceOwnerRecognizer(), text) == spans_of(text, values)


_PSQL_USERS = (
    " id  | username   | full_name          | email\n"
    "-----+------------+--------------------+------------\n"
    " 101 | mlefebvre  | Mathilde Lefebvre  | mathilde.lefebvre@example.fr\n"
    " 102 | tnakamura  | Takeshi Nakamura   | t.nakamura@example.jp\n"
    "(2 rows)"
)

# What the whole detector masks: each value is covered by a USERNAME.
LEAKS: list[tuple[str, str, list[str]]] = [
    ("en", "open /home/jdoe/backups/db.sql failed", ["jdoe"]),
    ("en", "/home/dmitri.volkov/app.yml", ["dmitri.volkov"]),
    ("en", 'File "C:\\Users\\Anna.Kowalska\\src\\sync.py", line 77', ["Anna.Kowalska"]),
    ("de", "Anmeldung fehlgeschlagen für Benutzer j.schaefer", ["j.schaefer"]),
    ("nl", "inloggen mislukt voor gebruiker lotte.dekker", ["lotte.dekker"]),
    ("en", "Failed password for invalid user jdoe from 10.0.0.5", ["jdoe"]),
    ("en", "Cookie: last_user=nora.finch", ["nora.finch"]),
    ("en", "Set-Cookie: uname=torvald.eriksen; Secure", ["torvald.eriksen"]),
    ("de", "Nutzername im Forum ist stefan_b_1984", ["stefan_b_1984"]),
    ("sv", "tack @älgmannen", ["@älgmannen"]),
    ("de", "danke @jürgen_k", ["@jürgen_k"]),
    (
        "pl",
        "nieudane logowanie użytkownika kwozniak z adresu 178.43.21.10",
        ["kwozniak"],
    ),
    (
        "en",
        "user,email,role\nbwallace,bwallace@example.com,admin\n"
        "ropoku,r.opoku@example.com,editor",
        ["bwallace", "ropoku"],
    ),
    ("en", _PSQL_USERS, ["mlefebvre", "tnakamura"]),
    (
        "en",
        "INSERT INTO users (id, username, first_name) VALUES "
        "(7, 'hfischer', 'Hannes'), (8, 'aokafor', 'Adaeze');",
        ["hfischer", "aokafor"],
    ),
]


@pytest.mark.ner
@pytest.mark.parametrize(("language", "text", "values"), LEAKS)
def test_user_names_are_masked_whole(
    full_detector: Detector, language: str, text: str, values: list[str]
) -> None:
    """No model finding cuts a user name the patterns read in two."""
    found = full_detector.analyze(text, language)
    names = [(f.start, f.end) for f in found if f.entity == "USERNAME"]
    assert names == spans_of(text, values)


@pytest.mark.ner
def test_package_scopes_and_broadcasts_are_no_usernames(
    full_detector: Detector,
) -> None:
    text = '"name": "@acme/markdown-renderer", "@channel": "@here"'
    found = full_detector.analyze(text, "en")
    assert [f for f in found if f.entity == "USERNAME"] == []
