"""The JSON Schema for editors: generated from the model, shipped, complete, and true to the shipped config."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from interview_bot.cli.commands import main
from interview_bot.config.durations import DURATION_PATTERN, parse_duration
from interview_bot.config.fields import SHIPPED_TEMPLATES
from interview_bot.config.model import Config
from interview_bot.config.schema import DRAFT, config_json_schema, schema_text, shipped_schema_path
from interview_bot.config.yamlnodes import parse_yaml

REPO = Path(__file__).resolve().parents[2]


def without_zones(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema minus the time-zone list, which comes from this machine's tz database."""
    copy = json.loads(json.dumps(schema))
    copy["properties"]["timezone"].pop("enum")
    return copy


def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(shipped_schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def yaml_data(text: str) -> Any:
    # As yaml-language-server reads it (YAML 1.2: dates stay text), which is how our loader reads it too.
    return parse_yaml(text, "config.yaml", "")[1]


def test_schema_is_draft_7_which_yaml_language_server_reads() -> None:
    schema = config_json_schema()
    assert schema["$schema"] == DRAFT
    jsonschema.Draft7Validator.check_schema(schema)
    text = json.dumps(schema)
    assert "$defs" not in text  # draft 7 spells it "definitions"
    refs_with_siblings = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "$ref" in node and len(node) > 1:
                refs_with_siblings.append(node)  # draft 7 would ignore the siblings (a field's description)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert not refs_with_siblings


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = json.loads(shipped_schema_path().read_text(encoding="utf-8"))
    # If this fails after changing the config model: interview-bot schema > interview_bot/config/config.schema.json
    assert without_zones(shipped) == without_zones(config_json_schema())
    assert shipped_schema_path() == REPO / "interview_bot" / "config" / "config.schema.json"


def test_the_schema_ships_in_the_package() -> None:
    package_data = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"config/config.schema.json"' in package_data


def test_the_schema_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out == schema_text()
    assert json.loads(out)["title"] == "interview-bot config.yaml"


def test_the_shipped_config_names_the_schema_on_its_first_line() -> None:
    first = (REPO / "config.yaml").read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m, first
    assert (REPO / m.group(1)).resolve() == shipped_schema_path().resolve()  # relative to config.yaml, as editors resolve it


def test_the_shipped_config_is_valid_against_the_schema() -> None:
    data = yaml_data((REPO / "config.yaml").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors
    assert data["tests"]["messages"], "the shipped config carries example cases, and they are checked too"


@pytest.mark.parametrize(("text", "where"), [
    ("me: {name: A}\npoll_every: 5 minutez\n", ["poll_every"]),
    ("me: {name: A}\ntimezone: Europe/Lundon\n", ["timezone"]),
    ("me: {name: A}\nfollow_ups: {thank_you: {template: ../x}}\n", ["follow_ups", "thank_you", "template"]),
    ("me: {name: A}\nfollow_ups: {status_check: {at: '9.30'}}\n", ["follow_ups", "status_check", "at"]),
    ("me: {name: A}\nreplies: {rules: {rejections: [x]}}\n", ["replies", "rules"]),
    ("me: {name: A}\ntests: {messages: [{from: a@b.com, expect: {kind: no}}]}\n", ["tests", "messages", 0, "expect", "kind"]),
    ("me: {name: A}\ncolour: blue\n", []),
])
def test_editors_flag_what_the_bot_rejects(text: str, where: list[Any]) -> None:
    errors = list(validator().iter_errors(yaml_data(text)))
    assert errors, text
    assert any(list(e.absolute_path) == where for e in errors), [(list(e.absolute_path), e.message) for e in errors]


def test_editors_accept_what_the_bot_accepts() -> None:
    text = ("me: {name: A}\ntimezone: America/New_York\npoll_every: 1 hour and 30 minutes\n"
            "follow_ups: {thank_you: {template: my_thanks, after: 3 business days}, status_check: {at: '9:30'}}\n"
            "replies: {rules: {rejection: ['not this time']}}\n"
            "tests: {messages: [{from: Jane <jane@a.com>, sent: '2026-12-03 14:30', expect: {promise: none}}]}\n")
    assert not [e.message for e in validator().iter_errors(yaml_data(text))]


def model_keys(model: type[BaseModel], path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], type[BaseModel]]]:
    """Every key of the config model, with the model it belongs to."""
    out = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        out.append(((*path, key), model))
        annotation = field.annotation
        inner = [a for a in getattr(annotation, "__args__", ()) if isinstance(a, type)]
        for candidate in [annotation, *inner]:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                out += model_keys(candidate, (*path, key))
    return out


def test_every_key_of_the_model_is_in_the_schema_with_a_description() -> None:
    schema = config_json_schema()
    keys = model_keys(Config)
    assert len(keys) > 60  # the walk found the nested sections, the test cases' keys among them
    missing = []
    for path, model in keys:
        definition = schema if model is Config else schema["definitions"][model.__name__]
        prop = definition["properties"].get(path[-1])
        if prop is None or not prop.get("description"):
            missing.append(".".join(path))
    assert not missing


def test_reply_kinds_are_offered_under_replies_rules() -> None:
    rules = config_json_schema()["definitions"]["ReplySettings"]["properties"]["rules"]
    assert set(rules["properties"]) == {"rejection", "offer", "next_steps", "holding", "acknowledgement",
                                        "auto_reply", "other"}
    assert all(p.get("description") for p in rules["properties"].values())
    assert rules["additionalProperties"] is False


def test_time_zones_are_an_enum_of_real_zones() -> None:
    zones = config_json_schema()["properties"]["timezone"]["enum"]
    assert "Europe/London" in zones and "UTC" in zones and zones == sorted(zones)
    assert "Europe/Lundon" not in zones


def test_template_names_offer_the_shipped_templates() -> None:
    shipped = {p.name.split(".")[0] for p in (REPO / "interview_bot" / "writing" / "templates").glob("*.txt.j2")}
    assert set(SHIPPED_TEMPLATES) == shipped
    template = config_json_schema()["definitions"]["ThankYouSettings"]["properties"]["template"]
    assert {"enum": list(SHIPPED_TEMPLATES)} in template["anyOf"]


@pytest.mark.parametrize("text", [
    "2h", "90m", "1h30m", "1 hour 30 minutes", "1 hour, 30 minutes", "1 hour and 30 minutes", "2 weeks", "2 W",
    "3 business days", "1 Business Day", "3 working days", "5bd", "0.5h", ".5h", " 2h ", "1d 2h 3m 4s",
    "2", "", "h", "2 hourz", "2hx", "1hand30m", "1.5 business days", "business days", "3 business", "-2h", "2h!",
])
def test_the_duration_pattern_accepts_what_parse_duration_accepts(text: str) -> None:
    try:
        parse_duration(text)
        accepted = True
    except ValueError:
        accepted = False
    assert (re.search(DURATION_PATTERN, text) is not None) == accepted
