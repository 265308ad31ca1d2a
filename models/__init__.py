"""Pydantic models of the zhextract knowledge record (see ``record-contract.md``)."""

from models.record import (
    SCHEMA_VERSION,
    Claim,
    Document,
    Entity,
    Evidence,
    KnowledgeRecord,
    Mention,
    Meta,
    Period,
    Relation,
    Role,
    record_problems,
    text_sha256,
)

__all__ = [
    "SCHEMA_VERSION",
    "Claim",
    "Document",
    "Entity",
    "Evidence",
    "KnowledgeRecord",
    "Mention",
    "Meta",
    "Period",
    "Relation",
    "Role",
    "record_problems",
    "text_sha256",
]


def json_schema() -> dict:
    """The JSON Schema of a record, as committed in ``models/record.schema.json``."""
    return KnowledgeRecord.model_json_schema()
