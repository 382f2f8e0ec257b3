"""Accounts that identify nobody: the ones an operating system, a CI runner
or a cloud image creates, and the placeholders people write for "your user".

A user name that is none of these is personal data: when unsure, it is
masked (fail closed).
"""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer

# Lower case; compared with the value lower-cased.
_ACCOUNTS_WORDS = """
    root admin administrator administrateur administrador amministratore
    beheerder guest gast invité invitado ospite gość convidado gäst
    public default defaultuser0 default.migrated shared
    runner ubuntu debian centos fedora ec2-user azureuser opc pi vagrant
    vscode codespace node app appuser jenkins gitlab-runner circleci
    github-runner git docker ansible
    www-data nobody nogroup daemon bin sys sync games man lp mail news uucp
    proxy backup list irc gnats sshd messagebus systemd-network
    systemd-resolve systemd-timesync syslog postgres mysql redis nginx apache
    httpd reboot shutdown halt operator ftp
    user username users your_user youruser yourname your_name me you
    adm wheel staff sudo
    """
_ACCOUNTS = frozenset(_ACCOUNTS_WORDS.split()) | {"all users", "default user"}
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
