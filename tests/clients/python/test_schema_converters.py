"""Every tool's input schema through the real converters agent frameworks use.

The tool list is read through the real `mcp` client over stdio (every service, every toolset,
write tools allowlisted), then each input schema is passed, unchanged, to:

- openai-agents `ensure_strict_json_schema` (OpenAI strict function calling; it raises on a
  schema strict mode cannot express);
- pydantic-ai `OpenAIJsonSchemaTransformer(strict=True)` (it reports `is_strict_compatible`);
- pydantic-ai `GoogleJsonSchemaTransformer` (Gemini function declarations);
- google-genai `Schema.from_json_schema(..., raise_error_on_unsupported_field=True)`.

Any refusal fails the test with the tool and the converter's reason. Strict mode also makes
every optional parameter required, so each optional parameter must accept `null`, and the
server must treat `null` as "not given" (checked by a call with every optional argument null).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import anyio
import pytest

import tools_harness as rig

ALL = ["--toolsets", "all", "--enable-write-tools", "--write-tools", "*"]


@pytest.fixture(scope="module")
def sandbox() -> Any:
    sb = rig.start_sandbox()
    yield sb
    sb.stop()


@pytest.fixture(scope="module")
def tools(sandbox: rig.Sandbox) -> list[Any]:
    listed = anyio.run(rig.list_tools, sandbox, ALL)
    assert len(listed) > 300, f"only {len(listed)} tools listed"
    # The discovery tools of --tool-mode discover (search, describe, call) too.
    static = {t.name for t in listed}
    discover = anyio.run(rig.list_tools, sandbox, ["--tool-mode", "discover", *ALL])
    extra = [t for t in discover if t.name not in static]
    assert len(extra) == 3, [t.name for t in extra]
    return listed + extra


def _openai_agents(schema: dict[str, Any]) -> str | None:
    from agents.strict_schema import ensure_strict_json_schema

    try:
        ensure_strict_json_schema(copy.deepcopy(schema))
    except Exception as e:  # the library raises UserError with the reason
        return f"{type(e).__name__}: {e}"
    return None


def _pydantic_ai_openai(schema: dict[str, Any]) -> str | None:
    from pydantic_ai.profiles.openai import OpenAIJsonSchemaTransformer

    t = OpenAIJsonSchemaTransformer(copy.deepcopy(schema), strict=True)
    try:
        t.walk()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    if not t.is_strict_compatible:
        return "not strict-compatible"
    return None


def _pydantic_ai_google(schema: dict[str, Any]) -> str | None:
    from pydantic_ai.profiles.google import GoogleJsonSchemaTransformer

    try:
        GoogleJsonSchemaTransformer(copy.deepcopy(schema)).walk()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return None


def _google_genai(schema: dict[str, Any]) -> str | None:
    from google.genai import types

    try:
        types.Schema.from_json_schema(
            json_schema=types.JSONSchema(**copy.deepcopy(schema)),
            api_option="GEMINI_API",
            raise_error_on_unsupported_field=True,
        )
    except Exception as e:
        return f"{type(e).__name__}: {str(e)[:200]}"
    return None


CONVERTERS = {
    "openai-agents strict": _openai_agents,
    "pydantic-ai openai strict": _pydantic_ai_openai,
    "pydantic-ai google": _pydantic_ai_google,
    "google-genai": _google_genai,
}


@pytest.mark.parametrize("converter", sorted(CONVERTERS))
def test_every_tool_converts(tools: list[Any], converter: str) -> None:
    convert = CONVERTERS[converter]
    refused = {}
    for tool in tools:
        reason = convert(tool.input_schema)
        if reason:
            refused[tool.name] = reason
    sample = json.dumps(dict(list(refused.items())[:5]), indent=1)
    assert not refused, f"{converter}: {len(refused)} of {len(tools)} tools refused, e.g. {sample}"


def _shape_problems(node: Any, where: str) -> list[str]:
    """Nodes a strict converter would have to guess at: untyped, or open objects (which the
    converters close silently, so the model could never fill them)."""
    if not isinstance(node, dict):
        return [f"{where}: not a schema"]
    types_ = node.get("type")
    if types_ is None and "anyOf" not in node:
        return [f"{where}: no type"]
    names = types_ if isinstance(types_, list) else [types_]
    problems = []
    for alt in node.get("anyOf", []):
        problems += _shape_problems(alt, f"{where}|anyOf")
    if "object" in names:
        if not isinstance(node.get("properties"), dict) or node.get("additionalProperties") is not False:
            problems.append(f"{where}: open object")
        for k, v in node.get("properties", {}).items():
            problems += _shape_problems(v, f"{where}.{k}")
    if "array" in names:
        problems += _shape_problems(node.get("items"), f"{where}[]")
    return problems


def test_every_schema_is_typed_and_closed(tools: list[Any]) -> None:
    problems = [p for t in tools for p in _shape_problems(t.input_schema, t.name)]
    assert not problems, f"{len(problems)} nodes, e.g. {problems[:10]}"


def test_every_optional_parameter_accepts_null(tools: list[Any]) -> None:
    bad = []
    for tool in tools:
        schema = tool.input_schema
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            if name in required:
                continue
            types_ = prop.get("type")
            nullable = (isinstance(types_, list) and "null" in types_) or any(
                alt.get("type") == "null" for alt in prop.get("anyOf", [])
            )
            if not nullable:
                bad.append(f"{tool.name}.{name}")
    assert not bad, f"{len(bad)} optional parameters do not accept null, e.g. {bad[:10]}"


async def _call_with_nulls(sandbox: rig.Sandbox, name: str) -> Any:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=rig.server_bin(), args=ALL, env=rig.server_env(sandbox)
    )
    async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
        listed = {t.name: t for t in (await client.list_tools()).tools}
        schema = listed[name].input_schema
        required = set(schema.get("required", []))
        # What a strict-mode model sends for "not given": every optional argument null.
        args = {k: None for k in schema.get("properties", {}) if k not in required}
        return args, await client.call_tool(name, args)


@pytest.mark.parametrize("name", ["get_zia_users", "zpa_list_application_segments", "zcc_list_devices"])
def test_null_means_not_given(sandbox: rig.Sandbox, name: str) -> None:
    args, result = anyio.run(_call_with_nulls, sandbox, name)
    assert len(args) >= 2, args
    text = " ".join(getattr(c, "text", "") for c in result.content)
    assert not result.is_error, text
