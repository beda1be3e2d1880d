"""Run a workflow job's `run:` steps here, the way a GitHub runner would, read from the workflow file.

Only what the project's workflows use is understood; anything else fails loudly, so a change to a
workflow that this runner cannot imitate is noticed (teach it here) instead of being skipped.
- `${{ … }}`: context paths (`github.ref`, `vars.SITE_URL`, `inputs.redeploy`), 'string literals' and
  `a || b` (the first truthy value, as GitHub evaluates it). A missing value is ''; true is 'true'.
- env: the workflow's, then the job's, then the step's, each expanded.
- shells: GitHub's defaults (`bash -e {0}` with no shell given; `bash --noprofile --norc -eo pipefail
  {0}` for shell: bash).
- `uses:` steps are not run: the caller provides what they do (a checkout, a Python on PATH) and
  names the actions it stands in for.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
PATH = re.compile(r"[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*\Z")
LITERAL = re.compile(r"'((?:[^']|'')*)'\Z")
SHELLS = {None: ["bash", "-e"], "bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail"]}


class Unsupported(Exception):
    pass


def evaluate(expression: str, context: dict):
    value = None
    for part in (p.strip() for p in expression.split("||")):
        if LITERAL.match(part):
            value = LITERAL.match(part).group(1).replace("''", "'")
        elif PATH.match(part):
            value = context
            for key in part.split("."):
                value = value.get(key) if isinstance(value, dict) else None
        else:
            raise Unsupported(f"expression '{expression}': the test runner does not know '{part}'")
        if value not in (None, "", False, 0):
            return value
    return value


def expand(text, context: dict) -> str:
    def one(match):
        value = evaluate(match.group(1), context)
        return "" if value is None else ("true" if value is True else "false" if value is False else str(value))
    return EXPRESSION.sub(one, str(text))


@dataclass
class Step:
    name: str
    returncode: int
    output: str


def run_job(workflow: Path, job: str, context: dict, workspace: Path, base_env: dict,
            stands_in_for: set[str]) -> list[Step]:
    """Run the job's `run:` steps in order in ``workspace``; stop at the first that fails."""
    spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    job_spec = spec["jobs"][job]
    shell = (job_spec.get("defaults", {}).get("run", {}).get("shell")
             or spec.get("defaults", {}).get("run", {}).get("shell"))
    env = dict(base_env)
    for scope in (spec.get("env", {}), job_spec.get("env", {})):
        env.update({k: expand(v, context) for k, v in scope.items()})
    done = []
    for index, step in enumerate(job_spec["steps"]):
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action not in stands_in_for:
                raise Unsupported(f"step {index + 1} uses {action}, which the test does not stand in for")
            continue
        if step.get("if") or step.get("working-directory") or step.get("continue-on-error"):
            raise Unsupported(f"step {index + 1}: 'if', 'working-directory' and 'continue-on-error' "
                              "are not imitated")
        step_shell = step.get("shell", shell)
        if step_shell not in SHELLS:
            raise Unsupported(f"step {index + 1}: shell '{step_shell}'")
        script = workspace.parent / f"step-{index + 1}.sh"
        script.write_text(expand(step["run"], context), encoding="utf-8")
        step_env = {**env, **{k: expand(v, context) for k, v in step.get("env", {}).items()}}
        result = subprocess.run([*SHELLS[step_shell], str(script)], cwd=workspace, env=step_env,
                                capture_output=True, text=True)
        done.append(Step(step.get("name", step["run"]), result.returncode, result.stdout + result.stderr))
        if result.returncode != 0:
            break
    return done
