"""``gdprgate serve`` with no upstream runs the built-in SmolLM2 model for real."""

from __future__ import annotations

from pathlib import Path

import pytest
from openai import OpenAI

from gdprgate.audit import AuditLog
from gdprgate.gateway import BUILTIN_MODEL_NAME
from gdprgate.store import Database
from tests.e2e.conftest import bootstrap_key, gdprgate_serve
from tests.support.canary import EMAIL, PERSON

pytestmark = [pytest.mark.model, pytest.mark.ner]


def test_builtin_model_answers_through_the_gateway(
    run_dir: Path, log_dir: Path
) -> None:
    data_dir = run_dir / "data" / "e2e-builtin"
    with gdprgate_serve(data_dir, log_dir / "gateway-builtin.log") as url:
        client = OpenAI(
            base_url=f"{url}/v1", api_key=bootstrap_key(data_dir), max_retries=0
        )
        models = [model.id for model in client.models.list()]
        prompt = f"Write one short sentence greeting {PERSON} ({EMAIL})."
        completion = client.chat.completions.create(
            model=BUILTIN_MODEL_NAME,
            messages=[{"role": "user", "content": prompt}],
            max_tokens=40,
            temperature=0,
        )
        stream = client.chat.completions.create(
            model=BUILTIN_MODEL_NAME,
            messages=[{"role": "user", "content": prompt}],
            max_tokens=40,
            temperature=0,
            stream=True,
        )
        streamed = "".join(
            c.choices[0].delta.content or "" for c in stream if c.choices
        )

    assert BUILTIN_MODEL_NAME in models
    assert (completion.choices[0].message.content or "").strip()
    assert streamed.strip()
    db = Database.for_data_dir(data_dir)
    entries = list(AuditLog(db).entries())
    db.close()
    assert [entry.status for entry in entries] == [200, 200]
    assert all(entry.entity_counts.get("EMAIL_ADDRESS") == 1 for entry in entries)
    assert all(entry.entity_counts.get("PERSON") == 1 for entry in entries)
