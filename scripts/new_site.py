#!/usr/bin/env python3
"""Start a new GVI site from this curriculum: write its local facts and its own pages.

Usage (every value can also be given at a prompt when you run it in a terminal):
    python scripts/new_site.py NAME --municipality-sv "…" --municipality-en "…"
        --police-sv "…" --police-en "…" --edition YYYY-MM --first-day YYYY-MM-DD --dates-sv "…" --dates-en "…"
        --city "…" --visits-sv "…" --visits-en "…"
        --contact-email "…" --contact-name-sv "…" --contact-name-en "…"
        [--partners-sv "…" --partners-en "…"] [--own-name NAME …] [--id ID] [--root DIR]

NAME is the site's short name, for example the municipality ("Exempelstad"). The script

  - rewrites docs/_data/local.yml: the site (id, name, municipalities, police, partners, its own
    pages and its own names), the week (edition, dates, city, visits, trainers) and the contact.
    Keys it does not know (added later to local.yml) keep their values: check them;
  - writes the site's own pages, in Swedish and English: the start page (docs/index.md,
    docs/index.en.md) and the week (docs/veckan/index.md, docs/veckan/index.en.md);
  - runs the content checks (scripts/check_content.py) on the result, including the boundary:
    a shared page that names one of the new site's own names outside a marked example is reported
    with its file and line.

Nothing is written unless the input is valid and the checks pass on a trial copy of docs/.
Exit codes: 0 written, 1 the checks found problems (listed), 2 bad or missing input.
"""
from __future__ import annotations

import argparse
import datetime
import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent  # the project: scripts/..
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from gvi import checks, editions, schema  # noqa: E402

OWN_PAGES = ["index.md", "veckan/index.md"]
TRAINERS = {"sv": "National Network for Safe Communities (NNSC)",
            "en": "the National Network for Safe Communities (NNSC)"}

# (flag, question, required). Pairs ending in -sv/-en are one fact in two languages.
FIELDS = [
    ("municipality-sv", "Kommunen eller kommunerna, på svenska (t.ex. Exempelstads kommun)", True),
    ("municipality-en", "The municipality or municipalities, in English (e.g. the municipality of Exempelstad)", True),
    ("police-sv", "Polisens del, på svenska (t.ex. lokalpolisområde Exempelstad)", True),
    ("police-en", "The police area, in English (e.g. the Exempelstad local police district)", True),
    ("partners-sv", "Parterna, på svenska (tomt: kommunen, Polisen och Kriminalvården)", False),
    ("partners-en", "The partners, in English (empty: the municipality, the Police and Kriminalvården)", False),
    ("edition", "The week's edition, YYYY-MM (e.g. 2027-03)", True),
    ("first-day", "The week's first day, YYYY-MM-DD (e.g. 2027-03-08)", True),
    ("dates-sv", "Veckans datum, på svenska (t.ex. 8–11 mars 2027)", True),
    ("dates-en", "The week's dates, in English (e.g. March 8–11, 2027)", True),
    ("city", "Where the shared full day is held (e.g. Exempelstad)", True),
    ("visits-sv", "Vad besöken ska visa, på svenska (t.ex. centrum och Norra hamnen)", True),
    ("visits-en", "What the visits will show, in English (e.g. the town center and Norra hamnen)", True),
    ("contact-email", "Contact e-mail for readers (a monitored mailbox)", True),
    ("contact-name-sv", "Kontakten, på svenska (t.ex. GVI-samordnaren i Exempelstad)", True),
    ("contact-name-en", "The contact, in English (e.g. the GVI coordinator in Exempelstad)", True),
]

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
SITE_ID = schema.SLUG


class UsageError(Exception):
    """Input the script cannot act on; the message says what to fix."""


def collect(args: argparse.Namespace, ask) -> dict:
    """The values from flags, then from ``ask(question)`` (None: no prompting) for missing ones."""
    values = {}
    missing = []
    for flag, question, required in FIELDS:
        value = getattr(args, flag.replace("-", "_"))
        if value is None and ask is not None:
            value = ask(question)
        value = (value or "").strip()
        if required and not value:
            missing.append(f"--{flag}")
        values[flag] = value
    if missing:
        raise UsageError(f"missing {', '.join(missing)}. Fix: give them as flags, or run the script "
                         "in a terminal to be asked.")
    return values


def _real_day(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def shared_names(own_names: list[str], docs: Path) -> None:
    """An own name must be the site's own: not a role or audience of the curriculum ('Polisen'),
    which every site's shared pages name (else the boundary check would blame hundreds of
    correct sentences)."""
    try:
        curriculum = yaml.safe_load((docs / "_data" / "curriculum.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return
    shared = {}
    for group in ("roles", "audiences"):
        for key, names in (curriculum.get(group) or {}).items():
            for text in (names.values() if isinstance(names, dict) else [names]):
                if isinstance(text, str):
                    shared[text.strip().lower()] = (group, key)
    for own in own_names:
        if own.strip().lower() in shared:
            group, key = shared[own.strip().lower()]
            raise UsageError(f"--own-name '{own}' is not the site's own: it is a {group[:-1]} of the shared "
                             f"curriculum (docs/_data/curriculum.yml: {group}.{key}), named on every site's "
                             "pages. Fix: give only the site's own places and organisations, e.g. "
                             "--own-name Järfälla --own-name 'LPO Järfälla'.")


def validate(name: str, site_id: str, values: dict, own_names: list[str]) -> None:
    problems = []
    if not name.strip():
        problems.append("NAME is empty. Fix: give the site's short name, e.g. Exempelstad.")
    if not SITE_ID.match(site_id):
        problems.append(f"--id '{site_id}' must be lowercase letters, digits and hyphens.")
    if not editions.FORM.match(values["edition"]):
        problems.append(f"--edition '{values['edition']}' must be YYYY-MM, e.g. 2027-03.")
    elif not re.match(rf"^{re.escape(values['edition'])}-(0[1-9]|[12][0-9]|3[01])$", values["first-day"]):
        problems.append(f"--first-day '{values['first-day']}' must be a day in {values['edition']}, "
                        f"YYYY-MM-DD, e.g. {values['edition']}-08.")
    elif not _real_day(values["first-day"]):
        problems.append(f"--first-day '{values['first-day']}' is not a day of the calendar; "
                        f"give a day that exists in {values['edition']}, e.g. {values['edition']}-08.")
    if not EMAIL.match(values["contact-email"]):
        problems.append(f"--contact-email '{values['contact-email']}' is not an e-mail address.")
    for flag, value in [*values.items(), *(("own-name", n) for n in own_names)]:
        if "\n" in value or "{{" in value or "<" in value:
            problems.append(f"--{flag} must be one line of plain text (no '{{{{' and no HTML).")
    if not [n for n in own_names if n.strip()]:
        problems.append("--own-name: give at least one name of the site's own places.")
    if problems:
        raise UsageError(" ".join(problems))


def local_facts(current: dict, name: str, site_id: str, values: dict, own_names: list[str]) -> dict:
    """The new local.yml: the current one (keys this script does not know are kept) with the new
    site's values."""
    v = values
    municipality = {"sv": v["municipality-sv"], "en": v["municipality-en"]}
    partners = {"sv": v["partners-sv"] or f"{v['municipality-sv']}, Polisen och Kriminalvården",
                "en": v["partners-en"] or f"{v['municipality-en']}, the Police and Kriminalvården"}
    site = dict(current.get("site") or {})
    site.update({"id": site_id, "name": {"sv": f"GVI {name}", "en": f"GVI {name}"},
                 "own_pages": list(OWN_PAGES), "own_names": own_names,
                 "municipalities": municipality,
                 "police": {"sv": v["police-sv"], "en": v["police-en"]}, "partners": partners})
    week = dict(current.get("week") or {})
    week.update({"edition": v["edition"], "dates": {"sv": v["dates-sv"], "en": v["dates-en"]},
                 "city": v["city"], "visits": {"sv": v["visits-sv"], "en": v["visits-en"]},
                 "trainers": week.get("trainers") or TRAINERS})
    contact = {"email": v["contact-email"],
               "name": {"sv": v["contact-name-sv"], "en": v["contact-name-en"]}}
    out = {key: value for key, value in current.items()}
    out.update({"site": site, "week": week, "contact": contact})
    return out


HEADER = """\
# Local facts: the ONE file another GVI site changes (with its own pages) to reuse the curriculum.
# Pages use them as {{ local.key.subkey }}; a value may be one text or one text per language.
# Written by scripts/new_site.py for %s; edit it by hand from here on (README, "Starta en ny ort").
"""


def dump_local(facts: dict, name: str) -> str:
    body = yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, default_flow_style=None,
                          width=10_000)
    body = re.sub(r"\n(?=\S)", "\n\n", body)  # a blank line between top-level keys
    return HEADER % name + "\n" + body


def _front(title: str, description: str, hide: bool = False) -> str:
    lines = ["---", f"title: {title}", f"description: {_quote(description)}"]
    if hide:
        lines += ["hide:", "  - navigation", "  - toc"]
    return "\n".join(lines + ["---", ""])


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pages(name: str, values: dict) -> dict[str, str]:
    """The site's own pages, both languages, {path under docs/: text}."""
    v = values
    start_sv = _front("Start", f"Utbildningsmaterial och kunskapsstöd om GVI för GVI-veckan "
                      f"{v['dates-sv']} i {name}.", hide=True) + """
# GVI-veckan

Webbplatsen är ett kunskapsstöd inför och efter GVI-veckan {{ local.week.dates }} i {{ local.week.city }}. Den är till för dig som arbetar i kommunen, hos Polisen, i Kriminalvården eller hos en partner i lokalsamhället – och för dig som leder ett utbildningspass.

GVI, gruppvåldsintervention, är en strategi mot grovt våld i kriminella miljöer. Polisen, kommunen, Kriminalvården och lokalsamhället talar tillsammans direkt med de grupper som står för våldet. Här arbetar {{ local.site.partners }} tillsammans med lokalsamhället.

<div class="gvi-paths" markdown>
<div markdown>
## Börja här

Börja med modulen [Vad är GVI?](strategi/vad-ar-gvi.md). Den tar ungefär 30 minuter. Läs sedan om [hur veckan är upplagd](veckan/index.md) och slå upp ord du inte känner igen i [ordlistan](ordlista/index.md).
</div>
<div markdown>
## Leda ett pass

Varje modul är gjord för att visas för en grupp. Den börjar med vad deltagarna ska lära sig och slutar med det viktigaste att ta med sig. Under ”För utbildaren” finns hopfällda anteckningar: hur du leder avsnittet, en fråga att diskutera och hur lång tid det tar. Se [vilka moduler som finns](strategi/index.md).
</div>
<div markdown>
## Hitta din roll

Läs vad [Polisen, kommunen, socialtjänsten, Kriminalvården och lokalsamhället gör](roller/index.md) i GVI. Under [Checklistor](checklistor/index.md) ser du vad din roll ska göra i varje fas. Du kan bocka av punkterna och skriva ut listan.
</div>
</div>

Har du frågor om veckan? Skriv till {{ local.contact.name }}: <{{ local.contact.email }}>.

Webbplatsen använder inga kakor och spårar ingenting. Det du bockar av sparas bara i din egen webbläsare.
"""
    start_en = _front("Home", f"Training material and reference on GVI for the GVI week, "
                      f"{v['dates-en']}, in {name}.", hide=True) + """
# GVI week

This site is a reference before and after the GVI week, {{ local.week.dates }}, in {{ local.week.city }}. It is for you if you work for the municipality, the Police, Kriminalvården (the Swedish Prison and Probation Service) or a community partner – and for you if you lead a training session.

GVI, Group Violence Intervention, is a strategy against serious violence in criminal milieus. The Police, the municipality, Kriminalvården and the local community speak together and directly to the groups behind the violence. Here, {{ local.site.partners }} work together with the local community.

<div class="gvi-paths" markdown>
<div markdown>
## Start here {#borja-har}

Start with the module [What is GVI?](strategi/vad-ar-gvi.md). It takes about 30 minutes. Then read about [how the week is organized](veckan/index.md) and look up unfamiliar words in the [glossary](ordlista/index.md).
</div>
<div markdown>
## Present a module {#leda-ett-pass}

Every module is made to be presented to a group. It opens with what participants will learn and closes with the key points to take away. Under "For the trainer" you will find collapsible notes: how to run the section, a question for discussion and how long it takes. See [which modules are available](strategi/index.md).
</div>
<div markdown>
## Find your role {#hitta-din-roll}

Read what [the Police, the municipality, social services, Kriminalvården and the local community do](roller/index.md) in GVI. Under [Checklists](checklistor/index.md) you can see what your role must do in each phase. You can tick off the items and print the list.
</div>
</div>

Questions about the week? Write to {{ local.contact.name }}: <{{ local.contact.email }}>.

This site sets no cookies and tracks nothing. Anything you tick off is stored only in your own browser.
"""
    week_sv = _front("Veckan", f"GVI-veckan {v['dates-sv']} – vilka som deltar, hur veckan är "
                     "upplagd och hur du använder webbplatsen.") + """
# Veckan

GVI-veckan {{ local.week.dates }} är en fördjupad utbildning i GVI för chefer och nyckelpersoner. Den leds av {{ local.week.trainers }}.

## Vilka som deltar

I veckan deltar {{ local.site.partners }}. Brå, Polisen och Kriminalvården har ett gemensamt regeringsuppdrag att sprida GVI till fler orter i Sverige.

## Upplägget

Veckan har två delar:

- **En heldag i {{ local.week.city }}** för alla som är inbjudna.
- **Besök hos parterna.** Under besöken visar vi bland annat {{ local.week.visits }}.

## Modulerna och deras tid

Tabellen räknas fram ur modulernas egna tidsangivelser varje gång webbplatsen byggs. Den visar hur lång tid varje modul tar att gå igenom, inte när den hålls. Du som planerar ett pass bestämmer tillsammans med utbildarna hur modulerna fördelas.

<!-- gvi-schedule -->

## Före, under och efter veckan

**Före:** Läs modulen [Vad är GVI?](../strategi/vad-ar-gvi.md). Slå upp ord du inte känner igen i [ordlistan](../ordlista/index.md).

**Under:** Använd sidan om [roller](../roller/index.md) för att hålla isär vem som gör vad, och sidan om [call-in](../call-in/index.md) när du pratar om mötena med grupperna.

**Efter:** Använd [checklistan](../checklistor/index.md) för din roll i det fortsatta arbetet.

## Kontakt

Frågor om veckan besvaras av {{ local.contact.name }}: <{{ local.contact.email }}>.
"""
    week_en = _front("The week", f"The GVI week, {v['dates-en']} – who takes part, how the week is "
                     "organized and how to use this site.") + """
# The week

The GVI week, {{ local.week.dates }}, is in-depth training in GVI for managers and key staff. It is led by {{ local.week.trainers }}.

## Who takes part {#vilka-som-deltar}

Taking part in the week are {{ local.site.partners }}. Brå (the Swedish National Council for Crime Prevention), the Police and Kriminalvården (the Swedish Prison and Probation Service) share a government assignment to spread GVI to more places in Sweden.

## The program {#upplagget}

The week has two parts:

- **A full day in {{ local.week.city }}** for everyone who is invited.
- **Visits to the partners.** During the visits we will show, among other things, {{ local.week.visits }}.

## The modules and their time {#modulerna-och-deras-tid}

The table is computed from the modules' own durations each time the site is built. It shows how long each module takes, not when it is held. If you plan a session, you decide together with the trainers how the modules are spread out.

<!-- gvi-schedule -->

## Before, during and after the week {#fore-under-och-efter-veckan}

**Before:** Read the module [What is GVI?](../strategi/vad-ar-gvi.md). Look up unfamiliar words in the [glossary](../ordlista/index.md).

**During:** Use the page on [roles](../roller/index.md) to keep track of who does what, and the page on the [call-in](../call-in/index.md) when you discuss the meetings with the groups.

**After:** Use the [checklist](../checklistor/index.md) for your role in the work that follows.

## Contact {#kontakt}

Questions about the week: {{ local.contact.name }}, <{{ local.contact.email }}>.
"""
    return {"index.md": start_sv, "index.en.md": start_en,
            "veckan/index.md": week_sv, "veckan/index.en.md": week_en}


EDITIONS_HEADER = """\
# Editions of the site: one per GVI week, deployed from the git tag edition-<name> (README,
# "Editions"). Written by scripts/new_site.py for %s: the site's first edition. Add the next
# edition at the end before you tag it. Only facts the site states.
"""


def editions_text(name: str, values: dict) -> str:
    """docs/_data/editions.yml for a new site: its own first edition (a new site has no history)."""
    v = values
    entry = {"name": v["edition"], "week": {"sv": v["dates-sv"], "en": v["dates-en"]},
             "date": v["first-day"],
             "summary": {"sv": f"Den första utgåvan, till GVI-veckan för {v['municipality-sv']} {v['dates-sv']}.",
                         "en": f"The first edition, for the GVI week for {v['municipality-en']}, {v['dates-en']}."}}
    body = yaml.safe_dump({"editions": [entry]}, allow_unicode=True, sort_keys=False, width=10_000)
    return EDITIONS_HEADER % name + body.replace(f"date: '{v['first-day']}'", f"date: {v['first-day']}")


def write_all(docs: Path, local_text: str, page_texts: dict[str, str], editions: str = "") -> None:
    (docs / "_data" / "local.yml").write_text(local_text, encoding="utf-8")
    if editions:
        (docs / "_data" / "editions.yml").write_text(editions, encoding="utf-8")
    for rel, text in page_texts.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None, ask=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", metavar="NAME", help="the site's short name, e.g. Exempelstad")
    for flag, question, _ in FIELDS:
        parser.add_argument(f"--{flag}", help=question)
    parser.add_argument("--own-name", action="append", default=None,
                        help="a place or organisation that is this site's own (repeat; default: NAME)")
    parser.add_argument("--id", help="storage namespace (default: gvi-<name as a slug>)")
    parser.add_argument("--root", default=str(ROOT), help="the project to change (default: this one)")
    parser.add_argument("--no-input", action="store_true", help="never prompt; missing values are errors")
    args = parser.parse_args(argv)
    if ask is None and not args.no_input and sys.stdin.isatty():
        ask = lambda question: input(f"{question}: ")  # noqa: E731
    if args.no_input:
        ask = None
    root = Path(args.root).resolve()
    docs = root / "docs"
    try:
        if not (root / "mkdocs.yml").is_file() or not (docs / "_data" / "local.yml").is_file():
            raise UsageError(f"{root} is not a GVI-veckan project (no mkdocs.yml or "
                             "docs/_data/local.yml). Fix: give --root the project folder.")
        values = collect(args, ask)
        name = args.name.strip()
        own_names = [n.strip() for n in (args.own_name or [name]) if n.strip()]
        site_id = args.id or f"gvi-{schema.slugify(name)}"
        validate(name, site_id, values, own_names)
        shared_names(own_names, docs)
        current = yaml.safe_load((docs / "_data" / "local.yml").read_text(encoding="utf-8")) or {}
    except UsageError as exc:
        print(f"new_site.py: {exc}", file=sys.stderr)
        return 2
    except yaml.YAMLError as exc:
        print(f"docs/_data/local.yml: not valid YAML ({exc}). Fix: repair it first.", file=sys.stderr)
        return 2
    local_text = dump_local(local_facts(current, name, site_id, values, own_names), name)
    page_texts, edition_text = pages(name, values), editions_text(name, values)
    # Try it on a copy of docs/ first: nothing is written when the checks fail.
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "docs"
        shutil.copytree(docs, trial)
        write_all(trial, local_text, page_texts, edition_text)
        problems = checks.check_project(root / "mkdocs.yml", trial)[0]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"new_site.py: {len(problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    write_all(docs, local_text, page_texts, edition_text)
    print(f"Wrote docs/_data/local.yml, docs/_data/editions.yml and {', '.join('docs/' + p for p in page_texts)} for {name}.")
    print("Next: read them, then `make serve` (README, \"Starta en ny ort\").")
    return 0


if __name__ == "__main__":
    sys.exit(main())
