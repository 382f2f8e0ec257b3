"""Accounts that identify nobody: the ones an operating system, a CI runner
or a cloud image creates, and the placeholders people write for "your user".

A user name that is none of these is personal data: when unsure, it is
masked (fail closed).
"""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer

# Lower case; compared with the value lower-cased. No word that is also a
# surname or a given name: "jenkins", "pi", "lp", "sys" and "list" are
# someone's login too ("jenkins:x:1001:1001:Mary Jenkins:...").
_ACCOUNTS_WORDS = """
    root admin administrator administrateur administrador amministratore
    beheerder guest gast invité invitado ospite gość convidado gäst
    public default defaultuser0 default.migrated shared
    runner ubuntu debian centos fedora ec2-user azureuser opc vagrant
    vscode codespace node app appuser gitlab-runner circleci
    github-runner git docker ansible
    www-data nobody nogroup daemon bin sync games man mail news uucp
    proxy backup irc gnats sshd messagebus systemd-network
    systemd-resolve systemd-timesync syslog postgres mysql redis nginx apache
    httpd reboot shutdown halt operator ftp
    user username users your_user youruser yourname your_name me you
    adm wheel staff
    """
_ACCOUNTS = frozenset(_ACCOUNTS_WORDS.split()) | {"all users", "default user"}
# Groups of the group list of ``id`` output that name no one
# ("groups=1000(jdoe),27(sudo)"), though "sudo" is a surname too.
GROUPS_OF_NOBODY = frozenset({"sudo"})
_PLACEHOLDER = re.compile(r"[$%<{\[*]|\.\.\.")


def is_account_of_nobody(value: str) -> bool:
    """Whether ``value`` is a system account or a placeholder ("$USER",
    "%USERNAME%", "<user>"), which identify nobody."""
    return value.strip().lower() in _ACCOUNTS or _PLACEHOLDER.match(value) is not None


class AccountNameRecognizer(PatternRecognizer):
    """A recognizer whose values are user names: a ``USERNAME`` with a
    letter that is not an account of nobody."""

    entity: ClassVar[str] = "USERNAME"
    score: ClassVar[float] = FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """A name with a letter, not an account that identifies nobody."""
        return any(c.isalpha() for c in value) and not is_account_of_nobody(value)
