"""Errors answered in the OpenAI error format."""

from __future__ import annotations

from starlette.responses import JSONResponse

from gdprgate.errors import HTTPError, TooManyRequests


def error_body(error: HTTPError) -> dict[str, object]:
    """The OpenAI-style error object for ``error``."""
    return {
        "error": {
            "message": error.message,
            "type": error.error_type,
            "param": None,
            "code": error.code,
        }
    }


def error_response(error: HTTPError, request_id: str) -> JSONResponse:
    """A JSON error answer carrying the request id (and Retry-After on 429)."""
    headers = {"x-request-id": request_id}
    if isinstance(error, TooManyRequests):
        headers["retry-after"] = str(error.retry_after)
    return JSONResponse(
        error_body(error), status_code=error.status_code, headers=headers
    )
