"""Quizzes: a ```quiz fence with a YAML body, parsed, validated and rendered as pure functions.

    ```quiz
    id: gvi-budskap-delar
    question: Vilka delar har GVI:s gemensamma budskap?
    options:
      - text: Våldet accepteras inte.
        correct: true
      - text: Alla i gruppen grips direkt.
        feedback: Nej – konsekvenserna riktas mot gruppen när våld fortsätter.
    explanation: Budskapet har tre delar: …
    ```

One correct option makes a single-choice question (radio buttons), several a multiple-choice one
(checkboxes). ``type: single`` or ``type: multiple`` states it; a single-choice question (declared, or
a true/false question) with more than one correct option is an error, never a silent checkbox. The HTML reads well without JavaScript; gvi-quiz.js adds checking and progress.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import markdown as md_lib
import yaml

from . import htmlsafety, yamltext
from .problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUIZ_KEYS = {"id", "question", "options", "explanation", "type"}
TYPES = ("single", "multiple")
# The two options of a true/false question, in any language (compared without case and full stop).
TRUE_FALSE = ({"sant", "falskt"}, {"true", "false"})
OPTION_KEYS = {"text", "correct", "feedback"}
MD_LINK = re.compile(r"\]\([^)\s]*\.md(?:#[^)\s]*)?\)")
_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*quiz[ \t]*$")
_RUN_ON = re.compile(r"^#{2,6}\s")  # a heading: a quiz body never holds one


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass
class Quiz:
    id: str
    question: str
    options: list[Option]
    explanation: str = ""
    path: str = ""
    line: int = 1
    type: str = ""  # "single" or "multiple" when the quiz states it

    @property
    def kind(self) -> str:
        if self.type:
            return self.type
        return "multiple" if sum(o.correct for o in self.options) > 1 else "single"

    @property
    def correct(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)


@dataclass
class Fence:
    source: str
    line: int  # file line of the opening ```quiz
    unclosed_at: int = 0  # file line where an unclosed fence was seen to run on (0: it is closed)


def find_fences(markdown: str, first_line: int = 1) -> list[Fence]:
    """Every ```quiz fence in a page (also indented, e.g. inside an admonition)."""
    fences: list[Fence] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        match = _OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence = match.group("indent"), match.group("fence")
        body: list[str] = []
        end = index + 1
        unclosed = 0
        while end < len(lines):
            stripped = lines[end].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                break
            if _OPEN.match(lines[end]) or _RUN_ON.match(lines[end]):
                unclosed = first_line + end  # another quiz or a heading: the fence was never closed
                break
            body.append(lines[end][len(indent):] if lines[end].startswith(indent) else lines[end].lstrip())
            end += 1
        else:
            unclosed = first_line + end - 1
        fences.append(Fence("\n".join(body), first_line + index, unclosed))
        if unclosed and end < len(lines):
            index = end
            continue
        index = end + 1
    return fences


class _Errors:
    def __init__(self, path: str, line: int, quiz_id: str | None):
        self.path, self.line, self.quiz_id, self.problems = path, line, quiz_id, []

    def add(self, offset: int, message: str, fix: str) -> None:
        who = f"quiz '{self.quiz_id}'" if self.quiz_id else "quiz"
        self.problems.append(Problem(self.path, self.line + offset, f"{who}: {message}", fix))


def _key_lines(node) -> dict:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line for k, _ in node.value}


def parse(source: str, path: str = "", line: int = 1) -> tuple[Quiz | None, list[Problem]]:
    """Parse and check one quiz fence. ``line`` is the file line of the opening fence.

    Returns the quiz (None if it cannot be used) and every problem found, each naming the file,
    the line and the quiz id.
    """
    try:
        node, data = yamltext.load(source)
    except yaml.YAMLError as exc:
        errors = _Errors(path, line, None)
        errors.add(1 + yamltext.error_line(exc),
                   f"the body is not valid YAML ({getattr(exc, 'problem', None) or exc}).",
                   "check indentation and colons; put a text that holds ': ' or starts with '[' or '*' in quotes.")
        return None, errors.problems
    quiz_id = data.get("id") if isinstance(data, dict) else None
    errors = _Errors(path, line, quiz_id if isinstance(quiz_id, str) else None)
    if not isinstance(data, dict):
        errors.add(1, "the body must be a YAML mapping with id, question and options.",
                   "see the quiz syntax in AUTHORING.md.")
        return None, errors.problems
    lines = _key_lines(node)

    def at(key: str) -> int:
        return 1 + lines.get(key, 0)

    for key in data:
        if key not in QUIZ_KEYS:
            errors.add(at(key), f"unknown key '{key}'.",
                       f"use only: {', '.join(sorted(QUIZ_KEYS))}.")
    for key in ("id", "question", "options"):
        if key not in data:
            errors.add(1, f"missing '{key}'.", _MISSING_FIX[key])
    if "id" in data and (not isinstance(quiz_id, str) or not SLUG.match(quiz_id)):
        errors.add(at("id"), f"id {quiz_id!r} is not a slug.",
                   "use lower-case ASCII letters, digits and single hyphens, e.g. 'gvi-budskapet'; "
                   "the id must not change between languages.")
    for key in ("question", "explanation"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            errors.add(at(key), f"'{key}' must be a text.", f"write the {key} after '{key}: '.")
    options: list[Option] = []
    option_texts: list[tuple] = []  # (text, line, label) of option texts and feedback
    bad_correct = False  # an option's 'correct' is not true/false (reported): not also "no option"
    raw_options = data.get("options")
    if "options" in data:
        if not isinstance(raw_options, list):
            errors.add(at("options"), "'options' must be a list.",
                       "write each option as '- text: …' on its own line under 'options:'.")
            raw_options = []
        option_nodes = []
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "options" and isinstance(v, yaml.SequenceNode):
                    option_nodes = v.value
        for number, raw in enumerate(raw_options, 1):
            option_line = 1 + (option_nodes[number - 1].start_mark.line if number <= len(option_nodes)
                               else lines.get("options", 0))
            if not isinstance(raw, dict):
                errors.add(option_line, f"option {number} must have 'text:' (and 'correct: true' "
                           "if it is right).", "write it as '- text: …'.")
                continue
            unknown = [key for key in raw if key not in OPTION_KEYS]
            for key in unknown:
                errors.add(option_line, f"option {number} has unknown key '{key}'.",
                           f"use only: {', '.join(sorted(OPTION_KEYS))}.")
            text = raw.get("text")
            if unknown and "text" not in raw:
                text = "?"  # a misspelt 'text:' (reported above) is not also a missing text
            elif not isinstance(text, str) or not text.strip():
                errors.add(option_line, f"option {number} has no text.", "add 'text: …'.")
                text = ""
            correct = raw.get("correct", False)
            if not isinstance(correct, bool):
                bad_correct = True
                errors.add(option_line, f"option {number}: 'correct' is {correct!r}, not true or false.",
                           "write 'correct: true' on right options and leave it out on the others.")
                correct = False
            feedback = raw.get("feedback", "")
            if not isinstance(feedback, str):
                errors.add(option_line, f"option {number}: 'feedback' must be a text.",
                           "write the feedback after 'feedback: '.")
                feedback = ""
            options.append(Option(text, correct, feedback))
            option_texts += [(text, option_line, f"option {number}"),
                             (feedback, option_line, f"option {number} feedback")]
        if len(raw_options) < 2:
            errors.add(at("options"), f"has {len(raw_options)} option{'s' if len(raw_options) != 1 else ''}; "
                       "a question needs at least two.", "add options (true/false is two options).")
        elif not any(o.correct for o in options) and not bad_correct:
            errors.add(at("options"), "no option is marked 'correct: true'.",
                       "mark the right option (or options) with 'correct: true'.")
        elif sum(o.correct for o in options) > 1 and data.get("type") == "single":
            errors.add(at("options"), f"{sum(o.correct for o in options)} options are marked "
                       "'correct: true', but the question is 'type: single'.",
                       "keep 'correct: true' on the one right option, or write 'type: multiple'.")
        elif (all(o.correct for o in options) and "type" not in data
              and {o.text.strip().rstrip(".").lower() for o in options} in TRUE_FALSE):
            errors.add(at("options"), "both options of a true/false question are marked "
                       "'correct: true'.", "keep 'correct: true' on the one right option.")
    if "type" in data and data["type"] not in TYPES:
        errors.add(at("type"), f"type {data['type']!r} is not a question type.",
                   "write 'type: single' (one right option) or 'type: multiple' (several), or "
                   "leave 'type' out.")
    texts = [(data.get(k), at(k), k) for k in ("question", "explanation")]
    texts += [(t, line_, label) for t, line_, label in option_texts]
    for text, text_line, label in texts:
        for unsafe in htmlsafety.check_text(text, "", 0, label, links=True):
            errors.add(text_line, unsafe.message, unsafe.fix)
        if isinstance(text, str) and MD_LINK.search(text):
            errors.add(text_line, f"{label} links to a Markdown file; MkDocs does not rewrite links "
                       "inside a quiz.", "link to the page's address instead, relative to this page's "
                       "address (one folder deeper than its file): e.g. '../../roller/' rather than "
                       "'../roller/index.md'.")
    if errors.problems:
        return None, errors.problems
    quiz = Quiz(quiz_id, data["question"].strip(), options, (data.get("explanation") or "").strip(),
                path, line, data.get("type", ""))
    return quiz, []


_MISSING_FIX = {
    "id": "add 'id: …', a slug that is the same in every language (progress is stored under it).",
    "question": "add 'question: …'.",
    "options": "add 'options:' with at least two '- text: …' items, the right one(s) with 'correct: true'.",
}


def duplicate_ids(quizzes: list[Quiz]) -> list[Problem]:
    """A quiz id is used once per language on the whole site."""
    seen: dict[str, Quiz] = {}
    problems = []
    for quiz in quizzes:
        if quiz.id in seen:
            first = seen[quiz.id]
            problems.append(Problem(quiz.path, quiz.line,
                                    f"quiz '{quiz.id}': the id is already used at {first.path}:{first.line}.",
                                    "give each question its own id."))
        else:
            seen[quiz.id] = quiz
    return problems


def compare(source: list[Quiz], source_path: str, translation: list[Quiz],
            translation_path: str) -> list[Problem]:
    """A translation must ask the same questions with the same answers."""
    problems = []
    src_ids = [q.id for q in source]
    tr_ids = [q.id for q in translation]
    if src_ids != tr_ids:
        line = translation[0].line if translation else 1
        problems.append(Problem(translation_path, line,
                                f"the quizzes are {tr_ids} here but {src_ids} in {source_path}.",
                                "use the same quiz ids, in the same order, in both languages."))
        return problems
    for a, b in zip(source, translation):
        if len(a.options) != len(b.options):
            problems.append(Problem(translation_path, b.line,
                                    f"quiz '{b.id}': {len(b.options)} options here but {len(a.options)} "
                                    f"in {source_path}:{a.line}.",
                                    "translate the options one to one; do not add or drop any."))
        elif a.correct != b.correct:
            def names(q): return ", ".join(str(i + 1) for i in q.correct)
            problems.append(Problem(translation_path, b.line,
                                    f"quiz '{b.id}': option(s) {names(b)} are correct here but "
                                    f"{names(a)} in {source_path}:{a.line}.",
                                    "a translation must never change the answer: mark the same "
                                    "options 'correct: true'."))
        elif a.kind != b.kind:
            problems.append(Problem(translation_path, b.line,
                                    f"quiz '{b.id}': a {b.kind}-choice question here but "
                                    f"{a.kind}-choice in {source_path}:{a.line}.",
                                    "use the same 'type' in both languages."))
    return problems


# The pages' own Markdown, less what a quiz text cannot hold (mkdocs.yml: no smartsymbols there either).
_INLINE = md_lib.Markdown(extensions=["attr_list"])
_BLOCK = md_lib.Markdown(extensions=["attr_list"])


def _inert(text: str) -> str:
    """Quiz texts are text: every '<' outside code is shown as '<', never opens a tag, except the
    project's own example mark (gvi/htmlsafety.py refuses the rest first; this keeps it inert
    whatever reaches the renderer)."""
    parts = re.split(r"(`+[^`]*`+)", text)
    return "".join(part if index % 2 else htmlsafety.MARK.sub(lambda m: m[0] if m[1] else "&lt;", part)
                   for index, part in enumerate(parts))


@functools.lru_cache(maxsize=4096)  # pure: every build (and `mkdocs serve` rebuild) renders the same texts
def inline(text: str) -> str:
    """Markdown to HTML for quiz texts (emphasis, links, code); one paragraph loses its <p>."""
    _INLINE.reset()
    out = _INLINE.convert(_inert(text)).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


@functools.lru_cache(maxsize=1024)
def _block(text: str) -> str:
    """Markdown to HTML for a quiz's explanation (paragraphs kept), its markup inert."""
    _BLOCK.reset()
    return _BLOCK.convert(_inert(text))


def render(quiz: Quiz, strings: dict, lang: str) -> str:
    """Semantic HTML: a form with a fieldset, labelled inputs and a closed answer disclosure."""
    def t(key: str) -> str:
        return html.escape(strings[key][lang])

    base = f"gvi-quiz-{quiz.id}"
    input_type = "checkbox" if quiz.kind == "multiple" else "radio"
    items = []
    for number, option in enumerate(quiz.options, 1):
        feedback = (f'<div class="gvi-quiz__feedback" id="{base}-{number}-fb" hidden>'
                    f"{inline(option.feedback)}</div>") if option.feedback else ""
        items.append(
            f'<li class="gvi-quiz__option"{" data-gvi-correct" if option.correct else ""}>'
            f'<input type="{input_type}" name="{base}" id="{base}-{number}" value="{number}">'
            f'<label for="{base}-{number}">{inline(option.text)}</label>{feedback}</li>')
    right = [inline(o.text) for o in quiz.options if o.correct]
    answer_label = t("quiz_correct_answers" if len(right) > 1 else "quiz_correct_answer")
    answer = ("<ul>" + "".join(f"<li>{r}</li>" for r in right) + "</ul>") if len(right) > 1 else f" {right[0]}"
    explanation = (f'<div class="gvi-quiz__explanation">{_block(quiz.explanation)}</div>'
                   if quiz.explanation else "")
    hint = t("quiz_hint_multiple" if quiz.kind == "multiple" else "quiz_hint_single")
    return (
        f'<form class="gvi-quiz" id="{base}" data-gvi-quiz="{quiz.id}" data-gvi-kind="{quiz.kind}" novalidate>'
        f'<fieldset aria-describedby="{base}-hint">'
        f'<legend class="gvi-quiz__question">{inline(quiz.question)}</legend>'
        f'<p class="gvi-quiz__hint" id="{base}-hint">{hint}</p>'
        f'<ul class="gvi-quiz__options">{"".join(items)}</ul>'
        "</fieldset>"
        f'<div class="gvi-quiz__actions" hidden>'
        f'<button type="submit" class="md-button md-button--primary gvi-quiz__check">{t("quiz_check")}</button>'
        f'<button type="button" class="md-button gvi-quiz__retry" hidden>{t("quiz_retry")}</button></div>'
        f'<p class="gvi-quiz__status" role="status" tabindex="-1"></p>'
        f'<details class="gvi-quiz__answer"><summary>{t("quiz_show_answer")}</summary>'
        f"<p><strong>{answer_label}</strong>{answer if len(right) == 1 else ''}</p>"
        f"{answer if len(right) > 1 else ''}{explanation}</details>"
        "</form>"
    )


def strings_json(strings: dict, lang: str) -> dict:
    """The interface strings the page's scripts (quiz, progress, presenter) need, in one language."""
    return {key: value[lang] for key, value in strings.items()
            if key.startswith(("quiz_", "progress_", "present_", "check_", "path_"))}
