"""User names in the records of tools developers paste: sshd and sudo log
lines, ``last``/``who`` and ``ps`` tables, LDAP names, ``id`` output, shell
commands (``curl -u``, ``chown``, ``su``, ``useradd``, ``ssh``), shell
prompts, GitHub merge commits, Maven ``<developer>`` ids, the user field of
Apache/nginx access logs and the first field of ``/etc/passwd`` entries,
with the full name of their comment field as a ``PERSON``. A passwd entry
is left out only when it is a system account: a uid under 1000 (or the
overflow uid 65534) with no login shell (``nologin``, ``false``, ``sync``,
``halt``, ``shutdown``) or with an account that identifies nobody
(``postgres``); a uid of 1000 or more is always someone's
("gast:x:1002:1002::/home/gast:/bin/bash"), and so is a home outside
``/home`` ("okafor:x:640:640::/data/users/okafor:/bin/bash").

Each format says where its user name stands, so no word list is needed;
accounts that identify nobody (``root``, ``reboot``) are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.accounts import (
    GROUPS_OF_NOBODY,
    AccountNameRecognizer,
    is_account_of_nobody,
)
from gdprgate.detect.patterns.scan import Feature, TextScan

_NAME = r"[\w][\w.@+-]{0,63}"

# sshd: "Accepted publickey for mkowalczyk from 10.0.0.5", "Failed
# password for invalid user jdoe from ..." (the user word is left to the
# username recognizer; this one reads the name right after "for").
_SSHD = re.compile(
    r"\b(?:Accepted|Failed|Postponed)\ [\w/-]+\ for\ (?!invalid\ user\ )("
    + _NAME
    + r")\ from\ "
)
# sudo: "jbergstrom : TTY=pts/0 ; PWD=/home/jbergstrom ; USER=root ; ...".
_SUDO = re.compile(
    r"(?<![^\s:])(" + _NAME + r")\ :\ (?:\d+\ incorrect\ password\ attempts?\ ;\ )?"
    r"(?:TTY|PWD|USER|COMMAND)="
)
# last, who, w: "mbauer   pts/0   10.1.2.3   Mon Mar  2 10:11".
_TERMINAL_LINE = re.compile(
    r"(?m)^(" + _NAME + r")[ \t]+(?:pts/\d+|tty\w*|:\d+(?:\.\d+)?|console)(?![\w/])"
)
# LDAP: "uid=gkaraca,ou=people,dc=example,dc=com", "cn=Jane Doe,ou=staff".
_LDAP = re.compile(
    r"(?<![\w-])(?i:uid|cn)=([^\s,+;=\"<>()][^,+;=\"<>\n]{0,63}?)"
    r"(?=[ \t]*(?:[,+;\"]|$))",
    re.MULTILINE,
)
# id: "uid=1000(jdoe) gid=1000(jdoe) groups=1000(jdoe),27(sudo)"; a group
# of the list after the first is no user's ("27(sudo)").
_ID_OUTPUT = re.compile(
    r"(?:\b(?:e?uid|e?gid|groups)=|(?P<more>(?<=\),)))\d+\(([^()\s,]+)\)"
)
# curl, sudo, database clients: "-u 'ebrandt:Pa55word'", "--user ebrandt",
# "psql -U jdoe"; the password goes with the name. Only after one of these
# commands: "python -u app.py" and "git push -u origin" name no one.
_OPTION_USER = re.compile(
    r"\b(?:curl|sudo|mysql\w*|psql|pg_\w+|docker|podman|wget|crontab|runuser"
    r"|mongo\w*|smbclient|lftp)\b[^\n|;&]*?(?<!\S)(?:-u|-U|--user(?:name)?)[ \t=]+"
    r"['\"]?([^\s'\":]+(?::[^\s'\"]*)?)"
)
# Shell commands that name a user: "chown jdoe:staff", "su - jdoe",
# "useradd -m -G sudo lhansen" (the last word of the command).
_CHOWN = re.compile(r"\b(?:chown|chgrp)(?:[ \t]+-\w+)*[ \t]+([\w][\w.-]*)[:. \t]")
_SU = re.compile(
    r"(?m)(?:^|[$#>][ \t]|&&[ \t]*|;[ \t]*|sudo[ \t]+)su(?:[ \t]+-[\w-]*)*[ \t]+"
    r"([a-z_][\w.-]*)[ \t]*$"
)
_USER_COMMAND = re.compile(
    r"(?m)(?=[acdpu])\b(?:useradd|adduser|userdel|deluser|usermod|passwd|chage)\b"
    r"[^\n;|&]*?[ \t]([a-z_][\w.-]*)[ \t]*(?=$|[;|&])"
)
# ssh and its kin: "ssh -i key.pem jdoe@10.0.0.1", "scp x jdoe@backup01:/tmp";
# any "jdoe@10.0.0.1"; a shell prompt: "jdoe@laptop:~/src$ make".
_SSH = re.compile(
    r"\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)\b[^\n]*?(?<![\w.+-])"
    r"([\w][\w.-]*)@[\w\[]"
)
_AT_ADDRESS = re.compile(r"(?<![\w.+-])([\w][\w.-]*)@(?=\d{1,3}(?:\.\d{1,3}){3}(?!\d))")
_PROMPT = re.compile(
    r"(?m)^[ \t]*(?:\([^)\n]*\)[ \t]*)?\[?([\w][\w.-]*)@[\w.-]+[: ]"
    r"[^\n]{0,80}?[$#%](?:[ \t]|$)"
)
# GitHub: "Merge pull request #482 from hgruber/feature/kafka-retry". The
# owner is a user or an organisation ("acme"), which nothing tells apart:
# both are masked. A pull request from a branch of the same repository
# ("from release/v2.0") or of a bot ("dependabot/npm_and_yarn/...") names
# a branch prefix or the bot, no one.
_BRANCH_PREFIXES = (
    "release|releases|feature|features|feat|fix|fixes|hotfix|bugfix|bug|main"
    "|master|develop|dev|staging|chore|docs|doc|refactor|test|tests|ci|build"
    "|perf|style|revert|deps|wip|experiment|topic|support|patch"
    "|dependabot|renovate|snyk-fix|greenkeeper|pyup|imgbot|github-actions"
    "|pre-commit-ci|allcontributors|mergify"
)
_MERGE = re.compile(
    r"\bMerge pull request #\d+ from (?!(?i:" + _BRANCH_PREFIXES + r")/)([\w-]+)/"
)
# Maven: "<developer> <id>eduarte</id>"; settings.xml: "<username>".
_DEVELOPER_ID = re.compile(
    r"<developer>(?:(?!</developer>)[\s\S]){0,400}?<id>\s*([^<\s]+)\s*</id>"
)
_XML_USER = re.compile(r"<(username|user|login|userName|userId)>\s*([^<\s]+)\s*</\1>")

# Apache and nginx access logs (common and combined format): "client ident
# user [02/Mar/2026:09:00:01 +0000]"; the client is an IPv4 or IPv6
# address or a host name, an absent user is "-".
_ACCESS_LOG = re.compile(
    r"(?<!\S)[\w.:%\[\]-]+\ (?:-|\S+)\ ([^\s\[\]\"]+)"
    r"\ \[\d{1,2}/[A-Za-z]{3}/\d{4}:\d{2}:\d{2}:\d{2}"
)
# /etc/passwd: "gkaraca:x:10442:10442:Gökhan Karaca,,,:/home/gkaraca:/bin/bash".
_PASSWD = re.compile(
    r"""(?mx)^(?P<user>[a-z_][\w.-]{0,31}\$?):[^:\n]*:(?P<uid>\d+):\d+:
    (?P<gecos>[^:\n]*):[^:\n]*:(?P<shell>[^:\n]*)$"""
)
# A system account of /etc/passwd: a uid under 1000 with no login shell
# ("svc_kafka:x:998:998::/var/lib/kafka:/usr/sbin/nologin"); 65534 is the
# kernel's "nobody".
_FIRST_PERSON_UID = 1000
_OVERFLOW_UID = 65534
_NO_SHELL = re.compile(r".*/(?:nologin|false|sync|shutdown|halt)")
# The full name of a comment field: "Gökhan Karaca,,,", "Jane Doe".
_GECOS_NAME = re.compile(r"[ \t]*([^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,4})")

_AT_FORMS = (_SSH, _AT_ADDRESS, _PROMPT)
_EQUALS_FORMS = (_LDAP,)

# ps: a table under a header "USER  PID ...", one row per line.
_PS_HEADER = re.compile(r"(?m)^[ \t]*USER[ \t]+PID\b.*$")
_PS_ROW = re.compile(r"([\w][\w.+-]*)[ \t]+\d+[ \t]+\d")
# System accounts as ps cuts them to eight characters ("systemd+" for
# "systemd-resolve", "message+" for "messagebus"); a name that opens on
# "_" is a system account too ("_apt").
_PS_SYSTEM_PREFIXES = ("systemd-", "messagebus", "www-data", "gitlab-runner")


class LoginRecordRecognizer(AccountNameRecognizer):
    """The user name of a log line, a table row or a command of a tool."""

    name = "login_record"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (
        _SSHD,
        _SUDO,
        _TERMINAL_LINE,
        _LDAP,
        _OPTION_USER,
        _CHOWN,
        _SU,
        _USER_COMMAND,
        _SSH,
        _AT_ADDRESS,
        _PROMPT,
        _MERGE,
        _DEVELOPER_ID,
        _ACCESS_LOG,
    )
    explanation = (
        "the user of an sshd, sudo, last, ps, id, LDAP, shell command, ssh, "
        "prompt, merge commit, Maven, access log or /etc/passwd record"
    )

    def patterns_for(self, scan: TextScan) -> Sequence[re.Pattern[str]]:
        """The ``user@host`` forms need an ``@``, LDAP names and ``id``
        output an ``=``."""
        patterns = self.patterns
        if Feature.AT_SIGN not in scan.features:
            patterns = tuple(p for p in patterns if p not in _AT_FORMS)
        if Feature.EQUALS_SIGN not in scan.features:
            patterns = tuple(p for p in patterns if p not in _EQUALS_FORMS)
        return patterns

    def analyze(
        self,
        text: str,
        languages: Sequence[str] = CONTEXT_LANGUAGES,
        scan: TextScan | None = None,
    ) -> list[Finding]:
        """The user names, and the logins and full names of the passwd
        entries of people, which no list of accounts keeps out."""
        found = super().analyze(text, languages, scan)
        spans = {(f.start, f.end) for f in found}
        for entry in _PASSWD.finditer(text):
            if _is_system_entry(entry):
                continue
            if entry.span("user") not in spans:
                start, end = entry.span("user")
                found.append(Finding(start, end, self.entity, self.score, self.source))
            name = _GECOS_NAME.match(text, entry.start("gecos"), entry.end("gecos"))
            if name is not None and not is_account_of_nobody(name.group(1)):
                start, end = name.span(1)
                found.append(Finding(start, end, "PERSON", self.score, self.source))
        return sorted(found, key=lambda f: (f.start, f.end))

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """The declared patterns, ``id`` output, XML user elements and
        ``ps`` table rows."""
        yield from super().candidates(text, scan)
        if Feature.EQUALS_SIGN in scan.features:
            for match in _ID_OUTPUT.finditer(text):
                group = match.group(2)
                if match.group("more") is None or group not in GROUPS_OF_NOBODY:
                    yield match.span(2)
        for match in _XML_USER.finditer(text):
            yield match.span(2)
        for header in _PS_HEADER.finditer(text):
            yield from _ps_users(text, header.end())

    def validate(self, value: str) -> bool:
        """The user of ``user:password`` or of a name ``ps`` cut short
        ("jbergst+") is a name that is not an account of nobody."""
        return super().validate(value.split(":", 1)[0].rstrip("+"))


def _is_system_entry(entry: re.Match[str]) -> bool:
    """Whether a passwd entry is a system account: a low uid with no login
    shell or with an account that identifies nobody."""
    uid = int(entry.group("uid"))
    if _FIRST_PERSON_UID <= uid != _OVERFLOW_UID:
        return False
    return _NO_SHELL.fullmatch(entry.group("shell")) is not None or (
        is_account_of_nobody(entry.group("user"))
    )


def _ps_users(text: str, position: int) -> Iterator[tuple[int, int]]:
    """The user column of the ``ps`` rows after a header, up to the first
    line that is no row."""
    while position < len(text) and text[position] == "\n":
        position += 1
        row = _PS_ROW.match(text, position)
        if row is None:
            return
        if not _is_ps_system(row.group(1)):
            yield row.span(1)
        newline = text.find("\n", row.end())
        position = len(text) if newline < 0 else newline


def _is_ps_system(user: str) -> bool:
    """Whether a ``ps`` user is a system account: one that opens on "_",
    or the cut-short start of a known one."""
    if user.startswith("_"):
        return True
    if not user.endswith("+"):
        return False
    cut = user[:-1].lower()
    return any(name.startswith(cut) for name in _PS_SYSTEM_PREFIXES)
