"""Every error gdprgate raises on purpose.

The tree::

    GdprgateError
    ├── ConfigError            settings or files that cannot be used
    ├── DetectionError         a detection layer failed; nothing may go upstream
    │   └── ModelUnavailable   a model-backed layer could not be loaded
    ├── VaultError             the vault could not store or resolve a token
    │   └── KeyError_          a key could not be loaded, unwrapped or created
    ├── StoreError             the database could not be opened or migrated
    └── HTTPError              an error answered to an HTTP client
        ├── BadRequest         400: malformed JSON, bad UTF-8, missing fields
        ├── PayloadTooLarge    413: the body is over the configured limit
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


class PayloadTooLarge(HTTPError):
    """413: the request body is over the configured limit."""

    status_code = 413
    error_type = "invalid_request_error"
    code = "payload_too_large"


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
