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
from i18n.bidi import isolate, isolate_number
from i18n.runtime import _

MAX_FILE_BYTES = 2_000_000


def read_answers_file(path: Path) -> dict[str, object]:
    """The raw answers in a file, or AnswersError with one line saying what is wrong."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise AnswersError(
                _("%(file)s: the file is too large to be an answers file") % _file(path.name)
            )
        text = path.read_text(encoding="utf-8")
    except OSError as problem:
        raise AnswersError(
            _("%(file)s: cannot be read (%(reason)s)")
            % {**_file(path.name), "reason": problem.strerror or type(problem).__name__}
        ) from None
    except UnicodeDecodeError:
        raise AnswersError(_("%(file)s: is not UTF-8 text") % _file(path.name)) from None
    data = _parse(path.name, text)
    if not isinstance(data, dict) or set(data) - {"answers"}:
        raise AnswersError(
            _("%(file)s: expected %(shape)s at the top")
            % {**_file(path.name), "shape": isolate('{"answers": {...}}')}
        )
    answers = data.get("answers") or {}
    if not isinstance(answers, dict) or not all(isinstance(key, str) for key in answers):
        raise AnswersError(
            _("%(file)s: %(key)s must map question ids to answers")
            % {**_file(path.name), "key": isolate('"answers"')}
        )
    return answers


def _file(name: str) -> dict[str, str]:
    """The file's name for a message, isolated (a Latin name in a Pashto sentence)."""
    return {"file": isolate(name)}


def _parse(name: str, text: str) -> object:
    if name.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as problem:
            raise AnswersError(
                _("%(file)s: is not valid JSON (line %(line)s)")
                % {**_file(name), "line": isolate_number(problem.lineno)}
            ) from None
        except RecursionError:
            raise AnswersError(_("%(file)s: is nested too deeply") % _file(name)) from None
    try:
        # Python's safe loader, not libyaml's (forms.yaml_files): an answers file comes from
        # anywhere, and libyaml crashes the process on deep nesting ("[[[[…") where Python
        # raises RecursionError. Answers files are small, so its speed does not matter.
        return yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        if mark is None:
            raise AnswersError(_("%(file)s: is not valid JSON or YAML") % _file(name)) from None
        raise AnswersError(
            _("%(file)s: is not valid JSON or YAML (line %(line)s)")
            % {**_file(name), "line": isolate_number(mark.line + 1)}
        ) from None
    except RecursionError:
        raise AnswersError(_("%(file)s: is nested too deeply") % _file(name)) from None
    except (ValueError, TypeError, OverflowError):
        # PyYAML turns an unquoted 2022-02-30 into a date and fails: one line, not a traceback.
        raise AnswersError(
            _("%(file)s: holds a value that cannot be read, such as a date that does not exist")
            % _file(name)
        ) from None


def interview_from_answers(
    questionnaire: Questionnaire, raw: dict[str, object], today: date
) -> Interview:
    """Check every answer against its question, then drop those to questions not asked."""
    parsed: dict[str, Answer] = {}
    for question_id, value in raw.items():
        if question_id not in questionnaire.by_id:
            raise AnswersError(
                _("the file answers a question Masir does not ask: %(id)s")
                % {"id": isolate(repr(question_id))}
            )
        parsed[question_id] = parse_answer(questionnaire.question(question_id), value)
    return Interview(questionnaire, today, parsed)


def answers_to_json(answers: dict[str, Answer]) -> dict[str, JSONValue]:
    return {question_id: answer_to_json(value) for question_id, value in answers.items()}
