"""Reading a person's answers from a JSON or YAML file: `{"answers": {"<question id>": value}}`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml

from forms.answers import Answer, JSONValue, answer_to_json
from forms.errors import AnswersError
from forms.interview import Interview
from forms.questionnaire import Questionnaire
from forms.validation import parse_answer

MAX_FILE_BYTES = 2_000_000


def read_answers_file(path: Path) -> dict[str, object]:
    """The raw answers in a file, or AnswersError with one line saying what is wrong."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise AnswersError(f"{path.name}: the file is too large to be an answers file")
        text = path.read_text(encoding="utf-8")
    except OSError as problem:
        raise AnswersError(f"{path.name}: cannot be read ({problem.strerror})") from None
    except UnicodeDecodeError:
        raise AnswersError(f"{path.name}: is not UTF-8 text") from None
    data = _parse(path.name, text)
    if not isinstance(data, dict) or set(data) - {"answers"}:
        raise AnswersError(f'{path.name}: expected {{"answers": {{...}}}} at the top')
    answers = data.get("answers") or {}
    if not isinstance(answers, dict) or not all(isinstance(key, str) for key in answers):
        raise AnswersError(f'{path.name}: "answers" must map question ids to answers')
    return answers


def _parse(name: str, text: str) -> object:
    if name.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as problem:
            raise AnswersError(f"{name}: is not valid JSON (line {problem.lineno})") from None
        except RecursionError:
            raise AnswersError(f"{name}: is nested too deeply") from None
    try:
        # Python's safe loader, not libyaml's (forms.yaml_files): an answers file comes from
        # anywhere, and libyaml crashes the process on deep nesting ("[[[[…") where Python
        # raises RecursionError. Answers files are small, so its speed does not matter.
        return yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise AnswersError(f"{name}: is not valid JSON or YAML{line}") from None
    except RecursionError:
        raise AnswersError(f"{name}: is nested too deeply") from None
    except (ValueError, TypeError, OverflowError):
        # PyYAML turns an unquoted 2022-02-30 into a date and fails: one line, not a traceback.
        raise AnswersError(
            f"{name}: holds a value that cannot be read, such as a date that does not exist"
        ) from None


def interview_from_answers(
    questionnaire: Questionnaire, raw: dict[str, object], today: date
) -> Interview:
    """Check every answer against its question, then drop those to questions not asked."""
    parsed: dict[str, Answer] = {}
    for question_id, value in raw.items():
        if question_id not in questionnaire.by_id:
            raise AnswersError(f"unknown question id '{question_id}'")
        parsed[question_id] = parse_answer(questionnaire.question(question_id), value)
    return Interview(questionnaire, today, parsed)


def answers_to_json(answers: dict[str, Answer]) -> dict[str, JSONValue]:
    return {question_id: answer_to_json(value) for question_id, value in answers.items()}
