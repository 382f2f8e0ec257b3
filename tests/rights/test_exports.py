"""The rights package exports exactly its intended public names."""

from __future__ import annotations

import gdprgate.rights


def test_rights_exports_are_locked() -> None:
    assert sorted(gdprgate.rights.__all__) == sorted(
        [
            "KINDS",
            "SUBJECT_HEADER",
            "Blocks",
            "DatasetHit",
            "DatasetIndex",
            "HookOptions",
            "NoDatasets",
            "NoPayloads",
            "PayloadStore",
            "PersonKeys",
            "Rights",
            "RightsRegister",
            "RightsRequest",
            "ShredKeys",
            "Shredded",
            "Subjects",
            "access_html",
            "due_date",
            "extended_due_date",
            "request_scope",
            "sign",
            "subject_scope",
            "verify_signature",
        ]
    )
    for name in gdprgate.rights.__all__:
        assert getattr(gdprgate.rights, name) is not None
