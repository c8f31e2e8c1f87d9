"""Domain messages reach the clerk in Chinese; the catalog covers every one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from servicedesk.models.core import messages
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.validation import parse_phone

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import messages as message_tool  # noqa: E402  (tools/messages.py)


@pytest.fixture
def chinese():
    previous = messages.set_display_language("zh_CN")
    yield
    messages.set_display_language(previous)


def test_every_message_template_has_chinese():
    catalog = messages.load_catalog("zh_CN")
    missing = sorted({f"{where}: {text}" for text, where in message_tool.templates() if text not in catalog})
    assert not missing, "add to resources/translations/messages_zh_CN/*.tsv:\n" + "\n".join(missing[:20])


def test_chinese_templates_use_only_their_slots():
    for source, target in messages.load_catalog("zh_CN").items():
        slots = len(re.findall(r"(?<!\{)\{\}(?!\})", source))
        used = {int(n) for n in re.findall(r"\{(\d+)\}", target)}
        assert used <= set(range(slots)), f"{source!r} -> {target!r}"
        assert "{}" not in target, f"use numbered slots in {target!r}"


def test_messages_stay_english_for_the_cli_and_tests():
    with pytest.raises(ValidationError) as info:
        parse_phone("12a", "phone")
    assert info.value.message.startswith('"12a" is not a phone number')


def test_gui_language_shows_chinese_and_keeps_english(chinese):
    with pytest.raises(ValidationError) as info:
        parse_phone("12a", "phone")
    assert "12a" in info.value.message
    assert re.search(r"[\u4e00-\u9fff]", info.value.message), info.value.message
    assert info.value.english.startswith('"12a" is not a phone number')
    assert info.value.field == "phone"


def test_problem_lines_are_localized_with_their_values(chinese):
    line = 'row 7, column 联系电话: "12a" is not a phone number: area code 0123 does not exist.'
    text = messages.localize(line, "zh_CN")
    assert text.startswith("第 7 行，“联系电话”列：")
    assert "12a" in text and "not a phone number" not in text


def test_unknown_message_is_shown_as_is():
    assert messages.localize("Something nobody wrote a template for.", "zh_CN") == \
        "Something nobody wrote a template for."
