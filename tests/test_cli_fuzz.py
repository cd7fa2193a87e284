"""Property tests: any answers file, however broken, gives exit 0 or one line and exit 2."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.app import run
from pathways.engine import default_engine

QUESTION_IDS = sorted(default_engine().questionnaire.by_id)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["unknown", "prefer_not_to_say", "2010-03", "PK", "yes", "", "0"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.one_of(st.sampled_from(QUESTION_IDS), st.text(max_size=8)), inner, max_size=4
        )
    ),
    max_leaves=20,
)
answers_maps = st.dictionaries(
    st.one_of(st.sampled_from(QUESTION_IDS), st.text(max_size=10)), json_values, max_size=8
)
documents = st.one_of(
    answers_maps.map(lambda answers: {"answers": answers}),
    json_values,
    st.dictionaries(st.text(max_size=8), json_values, max_size=3),
)

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def screen(data: bytes, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"answers{suffix}"
        path.write_bytes(data)
        code = run(["screen", str(path), "--format", "json", "--today", "2026-11-23"])
    captured = capsys.readouterr()
    if code == 0:
        json.loads(captured.out)
        return
    assert code == 2
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("masir: "), captured.err
    assert "Traceback" not in captured.err


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".json", ".yaml", ".txt"]))
def test_random_bytes(data: bytes, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    screen(data, suffix, capsys)


@FUZZ
@given(document=documents)
def test_random_json_structures(document: object, capsys: pytest.CaptureFixture[str]) -> None:
    screen(json.dumps(document).encode("utf-8"), ".json", capsys)


@FUZZ
@given(document=documents)
def test_random_yaml_structures(document: object, capsys: pytest.CaptureFixture[str]) -> None:
    # JSON is YAML; YAML parsers turn some strings into dates and numbers of their own.
    screen(json.dumps(document, ensure_ascii=False).encode("utf-8"), ".yaml", capsys)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@pytest.mark.parametrize("depth", [50, 100_000])
def test_deep_nesting(suffix: str, depth: int, capsys: pytest.CaptureFixture[str]) -> None:
    nested = '{"answers": {"employers": ' + "[" * depth + "]" * depth + "}}"
    screen(nested.encode(), suffix, capsys)
