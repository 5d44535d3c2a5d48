"""The JSON Schema of config.yaml, generated from the config model, for editors.

yaml-language-server (VS Code's YAML extension, Neovim, Helix, ...) completes and checks
config.yaml as it is typed when the file's first line names a schema:
`# yaml-language-server: $schema=...`. It reads JSON Schema draft 7, so pydantic's output
(2020-12) is written in draft 7's terms: `definitions` for `$defs`, and a `$ref` with
sibling keys (a field's own description) wrapped in `allOf`, since draft 7 ignores them.
The schema ships in the package as `config.schema.json`; a test keeps it equal to this.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from interview_bot.config.model import REPLY_KINDS, Config

__all__ = ["SCHEMA_FILE", "config_json_schema", "schema_text", "shipped_schema_path"]

SCHEMA_FILE = "config.schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"
_KIND_HELP = {
    "rejection": "a no, however softly put",
    "offer": "an offer",
    "next_steps": "another round, or scheduling one",
    "holding": "no decision yet, often with a new date (not an answer)",
    "acknowledgement": "thanks for your note, received",
    "auto_reply": "out of office and other automatic replies (never an answer)",
    "other": "anything else",
}


def config_json_schema() -> dict[str, Any]:
    """The schema of config.yaml (JSON Schema draft 7), with a description for every key."""
    schema = Config.model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    schema = _draft7(schema)
    schema["definitions"] = schema.pop("$defs", {})
    rules = schema["definitions"]["ReplySettings"]["properties"]["rules"]
    item = rules.pop("additionalProperties")
    rules["properties"] = {kind: {**item, "description": f"Extra phrases (regexes) for {_KIND_HELP[kind]}."}
                           for kind in REPLY_KINDS}
    rules["additionalProperties"] = False
    return {"$schema": DRAFT, **schema, "title": "interview-bot config.yaml"}


def schema_text() -> str:
    """The schema as the shipped file holds it: indented JSON with a final newline."""
    return json.dumps(config_json_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_path() -> Path:
    """Where the installed package keeps config.schema.json."""
    return Path(str(resources.files("interview_bot.config") / SCHEMA_FILE))


def _draft7(node: Any) -> Any:
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _draft7(value) for key, value in node.items()}
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out
