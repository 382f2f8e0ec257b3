"""Every error gdprgate raises on purpose.

The tree::

    GdprgateError
    ├── ConfigError            settings or files that cannot be used
    │   └── PolicyError        a policy file, or a key request, breaks the policy
    ├── DetectionError         a detection layer failed; nothing may go upstream
    │   └── ModelUnavailable   a model-backed layer could not be loaded
    ├── VaultError             the vault could not store or resolve a token
    │   └── KeyError_          a key could not be loaded, unwrapped or created
    ├── StoreError             the database could not be opened or migrated
    ├── RightsError            a data-subject request cannot be done as asked
    ├── ScrubStopped           a corpus record was rejected under --strict
    └── HTTPError              an error answered to an HTTP client
        ├── BadRequest         400: malformed JSON, bad UTF-8, missing fields
        │   └── EntitiesBlocked  400: the purpose blocks a type of data found
        ├── Unauthorized       401: no API key, or an unknown, revoked or expired one
        ├── Forbidden          403: the key's roles or purposes do not allow this
        ├── PayloadTooLarge    413: the body is over the configured limit
        ├── TooManyRequests    429: the key's requests or tokens per minute are used up
        ├── NotFound           404: no such route or model
        ├── UpstreamError      502: the model server failed or answered badly
        ├── UpstreamTimeout    504: the model server did not answer in time
        └── ProtectionFailed   503: detection or the vault failed (fail closed)

Messages say what was wrong and how to fix it. They never contain payload
text or a detected value: they may end up in logs and in HTTP answers.
"""

from __future__ import annotations


class GdprgateError(Exception):
    """Root of every error gdprgate raises on purpose."""


class ConfigError(GdprgateError):
    """A setting, key file or policy cannot be used as given."""


class PolicyError(ConfigError):
    """A policy file or a key request breaks the policy; one line per problem."""

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        message = self.problems[0] if self.problems else "the policy is invalid"
        if more > 0:
            message += f" (and {more} more problem(s))"
        super().__init__(message)


class DetectionError(GdprgateError):
    """A detection layer failed while analysing text."""


class ModelUnavailable(DetectionError):
    """A model-backed detection layer could not be loaded."""


class VaultError(GdprgateError):
    """The vault could not store or resolve a token."""


class KeyError_(VaultError):
    """A key could not be loaded, unwrapped or created."""


class StoreError(GdprgateError):
    """The database could not be opened, migrated or written."""


class RightsError(GdprgateError):
    """A data-subject request cannot be opened or carried out as asked."""


class ScrubStopped(GdprgateError):
    """A scrub run met a record it cannot read and was told to stop (strict)."""


class HTTPError(GdprgateError):
    """An error that is answered to an HTTP client in the OpenAI error format."""

    status_code = 500
    error_type = "server_error"
    code: str | None = None

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class BadRequest(HTTPError):
    """400: the request cannot be parsed or lacks a required field."""

    status_code = 400
    error_type = "invalid_request_error"
    code = "bad_request"


class EntitiesBlocked(BadRequest):
    """400: the request holds a type of personal data its purpose blocks.

    The message names the entity types, never the values.
    """

    code = "blocked_entities"

    def __init__(self, entities: list[str]) -> None:
        names = ", ".join(sorted(set(entities)))
        super().__init__(
            f"the request holds personal data that its purpose blocks: {names}"
        )
        self.entities = sorted(set(entities))


class Unauthorized(HTTPError):
    """401: no API key, or an unknown, revoked or expired one."""

    status_code = 401
    error_type = "invalid_request_error"
    code = "invalid_api_key"


class Forbidden(HTTPError):
    """403: the principal's roles or purposes do not allow the request.

    ``caller`` names the refused key (tenant and key id) for the audit.
    """

    status_code = 403
    error_type = "permission_error"
    code = "forbidden"
    caller: object = None


class PayloadTooLarge(HTTPError):
    """413: the request body is over the configured limit."""

    status_code = 413
    error_type = "invalid_request_error"
    code = "payload_too_large"


class TooManyRequests(HTTPError):
    """429: the key used up its requests or tokens for this minute.

    ``retry_after`` is the number of seconds until it may try again.
    """

    status_code = 429
    error_type = "rate_limit_error"
    code = "rate_limited"
    retry_after = 1


class NotFound(HTTPError):
    """404: no such route or resource."""

    status_code = 404
    error_type = "invalid_request_error"
    code = "not_found"


class UpstreamError(HTTPError):
    """502: the upstream model server failed or answered with something unusable."""

    status_code = 502
    error_type = "upstream_error"
    code = "upstream_error"


class UpstreamTimeout(HTTPError):
    """504: the upstream model server did not answer in time."""

    status_code = 504
    error_type = "upstream_error"
    code = "upstream_timeout"


class ProtectionFailed(HTTPError):
    """503: detection or the vault failed, so nothing was forwarded."""

    status_code = 503
    error_type = "server_error"
    code = "protection_failed"
