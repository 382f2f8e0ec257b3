"""What a caller gets back: output checked, tokens restored.

One :class:`AnswerFilter` serves one request. For every text the model
wrote it first applies the output rule to personal data the model produced
itself (see :mod:`gdprgate.protect.output`), then restores the tokens that
this request introduced, if the caller may see them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from gdprgate.errors import ProtectionFailed
from gdprgate.protect import OutputGuard, Restorer, StreamFilter, json_escape
from gdprgate.protect.restorer import Escape

_CHECK_FAILED = "the model's answer could not be checked for personal data"


class AnswerFilter:
    """Output check and restoration for the texts of one answer.

    ``json_content``: the answer's content is JSON (``response_format``), so
    restored values are escaped as JSON string content. ``tokens`` are the
    request's own tokens: before the output check, a token the model wrote
    in another form ("email_address_g2a1") is written as issued again, so
    the check knows it for a token (and does not read its code as an ID
    number), whether or not the caller may see its value.
    """

    def __init__(
        self,
        restorer: Restorer,
        guard: OutputGuard | None = None,
        *,
        json_content: bool = False,
        tokens: Collection[str] = (),
    ) -> None:
        self._restorer = restorer
        self._guard = guard
        self._json_content = json_content
        self._as_issued = Restorer({token: token for token in tokens})

    @property
    def caught(self) -> Counter[str]:
        """Personal data the model produced itself, counted by entity type."""
        return self._guard.counts if self._guard else Counter()

    def text(self, text: str, *, json_string: bool = False) -> str:
        """A complete text the model wrote, as the caller may see it."""
        if self._guard is not None:
            text = self._check(text, "")
        return self._restorer.restore(text, self._escape(json_string))

    def restore_only(self, text: str) -> str:
        """The caller's own text sent back (no output check needed)."""
        return self._restorer.restore(text)

    def stream(self, *, json_string: bool = False) -> StreamFilter:
        """A filter for one streamed text."""
        check = self._check if self._guard is not None else None
        return StreamFilter(
            self._restorer,
            check,
            escape=self._escape(json_string),
            tokens=self._as_issued if check else None,
        )

    def _check(self, text: str, context: str) -> str:
        assert self._guard is not None
        try:
            return self._guard.check(self._as_issued.restore(text), context)
        except Exception as exc:
            raise ProtectionFailed(_CHECK_FAILED, code="output_check_failed") from exc

    def _escape(self, json_string: bool) -> Escape | None:
        return json_escape if json_string or self._json_content else None
