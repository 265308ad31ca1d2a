"""The record schema: contract shape, invariants, committed JSON Schema in sync."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from models import KnowledgeRecord, json_schema, record_problems
from tests.conftest import REPO

TEXT = "快手电商 GMV 同比增长 47.7% 达 1751 亿元。"


def _record(**overrides) -> dict:
    record = {
        "document": {"id": "d1", "text": TEXT},
        "entities": [{"id": "e1", "type": "ORG", "name": "快手电商",
                      "mentions": [{"start": 0, "end": 4, "text": "快手电商"}]}],
        "claims": [{"id": "c1", "text": "47.7%", "start": 14, "end": 19, "value": 47.7, "unit": "%",
                    "subject": "e1", "evidence": {"start": 0, "end": len(TEXT), "text": TEXT}}],
    }
    record.update(overrides)
    return record


def test_schema_file_is_in_sync():
    committed = json.loads((REPO / "models" / "record.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `zhextract schema > models/record.schema.json`"


def test_round_trip_keeps_every_field():
    record = KnowledgeRecord.model_validate(_record())
    dumped = record.model_dump(mode="json")
    assert KnowledgeRecord.model_validate(dumped) == record
    assert dumped["schema_version"] == "1"
    assert dumped["document"]["sha256"] and dumped["claims"][0]["period"] is None


BROKEN = [
    pytest.param({"entities": [{"id": "e1", "type": "ORG", "name": "快手",
                                "mentions": [{"start": 0, "end": 4, "text": "快手"}]}]}, r"text\[0:4\]", id="mention-text-mismatch"),
    pytest.param({"entities": [{"id": "e1", "type": "ORG", "name": "快手",
                                "mentions": [{"start": 90, "end": 92, "text": "快手"}]}]}, "outside the text", id="mention-out-of-range"),
    pytest.param({"claims": [{"id": "c1", "text": "47.7%", "start": 14, "end": 19, "value": 47.7, "subject": "e9",
                              "evidence": {"start": 0, "end": 5, "text": TEXT[:5]}}]}, "evidence does not contain", id="evidence-outside"),
    pytest.param({"entities": [{"id": "e1", "type": "ORG", "name": "a"}, {"id": "e1", "type": "ORG", "name": "b"}]},
                 "duplicate entity ids", id="duplicate-ids"),
    pytest.param({"entities": [{"id": "e1", "type": "ORG", "name": "快手电商", "roles": [{"title": "CEO"}]}]},
                 "only PERSON", id="roles-on-org"),
    pytest.param({"unknown": 1}, "Extra inputs", id="extra-field-forbidden"),
    pytest.param({"document": {"id": "d1", "text": TEXT, "sha256": "0" * 64}}, "sha256", id="hash-mismatch"),
    pytest.param({"document": {"id": "d1", "text": TEXT, "published": "4 Aug 2022"}}, "ISO 8601", id="published-not-iso"),
]


@pytest.mark.parametrize("overrides, message", BROKEN)
def test_invariants_reject_broken_records(overrides, message):
    with pytest.raises(ValidationError, match=message):
        KnowledgeRecord.model_validate(_record(**overrides))


def test_record_problems_empty_for_sound_record():
    assert record_problems(KnowledgeRecord.model_validate(_record())) == []
