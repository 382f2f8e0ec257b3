"""The user name in a home directory: ``/home/jdoe``, ``/Users/jdoe``,
``C:\\Users\\jdoe`` (any drive, either slash, doubled backslashes of a JSON
string too), ``~jdoe/``.

Only the user segment is reported, as a ``USERNAME``: the rest of the path
names no one. Accounts that identify nobody (``root``, ``Public``,
``runner``, ``$USER``) are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.accounts import AccountNameRecognizer
from gdprgate.detect.patterns.scan import TextScan

# A path segment: no separator, space, quote, bracket or punctuation that
# ends a path in prose or code.
_SEGMENT = r"[^\\/\s\"'`<>|:*?,;()\[\]{}]+"
_SLASH = r"[\\/]++"

# "/home/jdoe", "/var/home/jdoe", "/Users/jdoe": the directory starts the
# path, so "https://example.com/home/about" is no home. The first slash
# may follow a drive or a URL scheme ("file:///home/jdoe").
# It starts only at the first slash of a run, and reads the run of slashes
# possessively: a megabyte of slashes is one try, not a try at each slash
# (each of them reading the rest: about an hour for a megabyte).
_UNIX_HOME = re.compile(
    r"(?<![\w.~%/-])(?:/(?:var|export|usr))?/++(?:home|Users)/++(" + _SEGMENT + r")"
)
# "C:\Users\jdoe", "c:/users/jdoe", "C:\\Users\\jdoe", "C:\Documents and
# Settings\jdoe"; a name with spaces counts when a separator follows it.
_WINDOWS_HOME = re.compile(
    r"(?<![\w])[A-Za-z]:" + _SLASH + r"(?i:users|documents and settings)" + _SLASH
    + r"(" + _SEGMENT + r"(?:\ " + _SEGMENT + r")*(?=[\\/])|" + _SEGMENT + r")"
)  # fmt: skip
# Homes of accounts that are no one's, besides those of
# :func:`gdprgate.detect.patterns.accounts.is_account_of_nobody`: Windows'
# shared profiles, Jupyter's default user, deployment and game-server
# accounts. "jenkins" is the CI server's account in a home path (as a
# surname it is still found in prose).
_NO_ONES_HOMES = frozenset(
    {"all users", "default user", "jovyan", "deploy", "deployer", "steam", "jenkins"}
)
# "All Users" without a separator after it: only "All" is matched.
_SHARED_PROFILE = re.compile(r"[ \t]+Users\b", re.IGNORECASE)
# "~jdoe/projects": a user's home in a shell.
_TILDE_HOME = re.compile(r"(?<![\w~])~([A-Za-z_][\w.-]*)(?=[\\/])")


class HomeDirectoryRecognizer(AccountNameRecognizer):
    """The user segment of a home directory path."""

    name = "home_directory"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (
        _UNIX_HOME,
        _WINDOWS_HOME,
        _TILDE_HOME,
    )
    explanation = "the user name in /home/NAME, /Users/NAME, C:\\Users\\NAME, ~NAME/"

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """The user segments, without the homes of no one ("All Users",
        "/home/jovyan")."""
        for start, end in super().candidates(text, scan):
            value = text[start:end].lower()
            if value in _NO_ONES_HOMES:
                continue
            if value == "all" and _SHARED_PROFILE.match(text, end) is not None:
                continue
            yield start, end
