"""A checklist's legal line: one compact, folded line instead of two (gvi/legal.py joined_notice)."""
import datetime

from gvi import legal

STRINGS = {
    "legal_checked": {"sv": "Rättsläget kontrollerat {date}", "en": "Legal position checked {date}"},
    "legal_status_link": {"sv": "Så ser rättsläget ut", "en": "The legal position"},
    "legal_own_notice": {"sv": "inte juridisk rådgivning", "en": "not legal advice"},
    "legal_not_advice_short": {"sv": "Det här är inte juridisk rådgivning.", "en": "This is not legal advice."},
}
META = {"kind": "checklist", "legal_checked": datetime.date(2026, 11, 27)}
PAGE = ("# Checklista för Polisen\n\n**Det här är inte juridisk rådgivning.** Listan har inte granskats\n"
        "av en jurist.\n\nListan är för dig.\n\n## Före\n")


def test_the_pages_own_notice_folds_under_one_line_word_for_word():
    out = legal.joined_notice(PAGE, META, "sv", STRINGS, "../rattslaget.md")
    assert out.startswith("# Checklista för Polisen\n\n<details class=\"gvi-legal-notice gvi-fold\" markdown>\n"
                          "<summary>Rättsläget kontrollerat 27 november 2026. Det här är inte juridisk "
                          "rådgivning.</summary>\n\n**Det här är inte juridisk rådgivning.** Listan har inte "
                          "granskats\nav en jurist. [Så ser rättsläget ut](../rattslaget.md).\n\n</details>\n")
    assert out.count("Listan har inte granskats") == 1 and out.endswith("\nListan är för dig.\n\n## Före\n")


def test_a_page_without_its_own_notice_keeps_the_usual_notice():
    assert legal.joined_notice(PAGE.replace("inte juridisk rådgivning", "ett råd"), META, "sv", STRINGS, "x.md") is None
    boxed = PAGE.replace("**Det här", '!!! warning "Obs"\n\n    **Det här')
    assert legal.joined_notice(boxed, META, "sv", STRINGS, "x.md") is None
    assert legal.joined_notice(PAGE, {"kind": "checklist"}, "sv", STRINGS, "x.md") is None
