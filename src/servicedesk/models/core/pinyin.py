"""Pinyin forms of names (issue 16): search by pinyin and initials, sort by pinyin.

A clerk on the phone types `wjg` or `wangjianguo` for 王建国 and `hzjg` for
杭州建工集团; a Chinese list is read in pinyin order (王 wáng before 张
zhāng), not in code-point order. `pypinyin` computes the readings, with its
phrase dictionary for words whose reading depends on the word (重庆
chóngqìng, 银行 yínháng).

Surnames are read differently from the same character in a word: 曾 zēng
(not céng), 单 shàn (not dān), 解 xiè (not jiě). The first character of a
name takes its surname reading from `SURNAMES` unless it starts a known
word (解放路 stays jiěfàng). For search both readings are indexed, so the
clerk who types the everyday reading still finds the customer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Surnames whose reading differs from the character's everyday reading.
SURNAMES: dict[str, str] = {
    "曾": "zeng1", "单": "shan4", "解": "xie4", "区": "ou1", "仇": "qiu2", "朴": "piao2",
    "查": "zha1", "盖": "ge3", "覃": "qin2", "翟": "zhai2", "乐": "yue4", "缪": "miao4",
    "繁": "po2", "召": "shao4", "秘": "bi4", "种": "chong2", "员": "yun4", "句": "gou1",
    "能": "nai4", "尉": "wei4", "隗": "wei3", "牟": "mou2", "宓": "mi4", "冼": "xian3",
    "华": "hua4", "任": "ren2", "沈": "shen3", "柏": "bai3", "薄": "bo2", "纪": "ji3",
    "燕": "yan1", "过": "guo1", "那": "na1", "折": "she2", "黑": "he4", "长孙": "zhang3 sun1",
}

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_TOKEN = re.compile(f"[{_CJK}]+|[0-9a-z]+")


@lru_cache(maxsize=4096)
def _readings(run: str) -> tuple[str, ...]:
    """Tone-numbered syllables of a run of 汉字, one per character ('王建国' -> wang2 jian4 guo2).

    pypinyin (its dictionaries take ~200 ms to load) is imported on the first
    reading, not with this module: every CLI command imports the archive, few
    compute a reading (issue 15)."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(run, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore"))


def _surname(text: str) -> tuple[str, int] | None:
    """(reading, characters) of the surname `text` starts with, when it differs
    from the everyday reading and the name does not start with a known word."""
    for size in (2, 1):
        head = text[:size]
        if head in SURNAMES:
            from pypinyin.constants import PHRASES_DICT

            if size == 1 and text[:2] in PHRASES_DICT:
                return None      # 解放路, 单位: a word, read as the word
            return SURNAMES[head], size
    return None


def _plain(syllable: str) -> str:
    return syllable.rstrip("012345")


def _syllables(text: str, surname: bool) -> list[str]:
    """Tone-numbered syllables of every 汉字 in `text`, in order (other characters left out)."""
    out: list[str] = []
    for i, run in enumerate(_CJK_RUN.findall(text)):
        found = _surname(run) if surname and i == 0 and text.lstrip().startswith(run) else None
        if found:
            reading, size = found
            out += reading.split() + list(_readings(run[size:]) if run[size:] else ())
        else:
            out += _readings(run)
    return out


def search_forms(text: str) -> list[str]:
    """Full pinyin and initials of the 汉字 in `text`, for the search index.

    '王建国' -> ['wangjianguo', 'wjg']; '曾小明' -> ['zengxiaoming', 'zxm',
    'cengxiaoming', 'cxm'] (surname and everyday reading). [] without 汉字.
    """
    text = unicodedata.normalize("NFKC", text or "")
    out: list[str] = []
    for surname in (True, False):
        syllables = [_plain(s) for s in _syllables(text, surname)]
        if not syllables:
            return []
        for form in ("".join(syllables), "".join(s[0] for s in syllables if s)):
            if form not in out:
                out.append(form)
    return out


@lru_cache(maxsize=8192)
def sort_key(text: str) -> str:
    """A key that orders names as a Chinese reader expects: by pinyin, then tone,
    then the characters themselves; Latin letters and digits interleave by letter.

    '王五' -> 'wang2 wu3\\x1f王五'; '张三' -> 'zhang1 san1\\x1f张三', so 王 sorts
    before 张 (code points put 张 U+5F20 before 王 U+738B).
    """
    text = unicodedata.normalize("NFKC", text or "").strip()
    lowered = text.lower()
    surname = _surname(lowered)
    parts: list[str] = []
    pos = 0
    if surname:
        parts += surname[0].split()
        pos = surname[1]
    for token in _TOKEN.findall(lowered[pos:]):
        parts += _readings(token) if _CJK_RUN.fullmatch(token) else [token]
    return " ".join(parts) + "\x1f" + text


def sorted_by_pinyin(items: list, key=lambda item: item) -> list:
    """`items` ordered by the pinyin of `key(item)` (for short lists sorted in Python)."""
    return sorted(items, key=lambda item: sort_key(str(key(item) or "")))


COLLATION = "pinyin"


def _compare(a: str, b: str) -> int:
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def use_collation(db) -> str:
    """Register the `pinyin` collation and the `pinyin_forms` function on this
    connection (idempotent) and return the collation's name, for `ORDER BY name COLLATE pinyin` in the short lists (technicians,
    parts: hundreds of rows). Never used in the schema, so the file stays readable
    by any SQLite; the customer list (30 000 rows) uses its indexed name_sort column.
    """
    db.conn.create_collation(COLLATION, _compare)
    db.conn.create_function(FORMS_FUNCTION, 1, _forms_text, deterministic=True)
    return COLLATION


FORMS_FUNCTION = "pinyin_forms"   # SQL: pinyin_forms(name) LIKE '%jlc%' (short lists' search boxes)


@lru_cache(maxsize=8192)
def _forms_text(text: str | None) -> str:
    return " ".join(search_forms(text or ""))


def is_pinyin_term(term: str) -> bool:
    """A search word that may be pinyin or initials: two or more latin letters only."""
    return len(term) >= 2 and term.isascii() and term.isalpha()
