"""The command line in Chinese (issue 13): --lang zh_CN or a Chinese locale.

Help, argparse's own words, printed lines and domain errors all read Chinese;
English stays the default; --json output is byte-for-byte the same in both
languages. The catalog tests fail when a help text, a printed message or an
argparse string of the running Python lacks Chinese.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from servicedesk import cli
from servicedesk.cli import build_parser
from servicedesk.commands import i18n
from servicedesk.commands.setup import DESCRIPTIONS
from servicedesk.config import choose_language
from servicedesk.models.core import messages
from servicedesk.models.core.db import open_db
from tests import factories as F

PKG = Path(cli.__file__).resolve().parent
SRC = PKG.parent
ZH = i18n.catalog("zh_CN")
CJK = re.compile(r"[\u4e00-\u9fff]")


# ------------------------------------------------------------ what must be translated
def _parsers(parser: argparse.ArgumentParser):
    """The parser and every sub-command parser below it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def help_texts() -> set[str]:
    """Every help text, description and sub-command summary of the CLI."""
    texts = set()
    for parser in _parsers(build_parser()):
        texts.add(parser.description)
        for action in parser._actions:
            texts.add(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts.update(choice.help for choice in action._choices_actions)
    return {t for t in texts if t and t is not argparse.SUPPRESS}


def argparse_msgids() -> set[str]:
    """The strings argparse of THIS Python passes to gettext (_ and ngettext)."""
    tree = ast.parse(inspect.getsource(argparse))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def _template(node: ast.AST) -> list[str]:
    """The line templates an expression prints ({} for each value), one per branch."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value.replace("{", "{{").replace("}", "}}")]
    if isinstance(node, ast.JoinedStr):
        parts = [str(p.value).replace("{", "{{").replace("}", "}}") if isinstance(p, ast.Constant) else "{}"
                 for p in node.values]
        return ["".join(parts)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _template(node.left) for b in _template(node.right)]
    if isinstance(node, ast.IfExp):
        return _template(node.body) + _template(node.orelse)
    return ["{}"]


def printed_templates() -> dict[str, str]:
    """template -> where, for every print / .write / tr() / table header in the CLI code."""
    found: dict[str, str] = {}
    for path in [PKG / "cli.py", *sorted((PKG / "commands").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("print", "write", "tr"):
                texts = _template(node.args[0])
            elif name == "print_table" and isinstance(node.args[0], ast.Tuple):
                texts = [t for elt in node.args[0].elts for t in _template(elt)]
            else:
                continue
            for text in texts:
                for line in text.split("\n"):
                    # A line of nothing but values (a data row) has nothing to translate.
                    if re.search(r"[A-Za-z]", line.replace("{}", "")):
                        found.setdefault(line, f"{path.name}:{node.lineno}")
    return found


def test_every_help_text_has_chinese():
    missing = sorted(t for t in help_texts() if t not in ZH)
    assert not missing, "add to resources/translations/cli_zh_CN.tsv:\n" + "\n".join(missing)


def test_every_argparse_word_of_this_python_has_chinese():
    """A new Python version bringing a new argparse message fails here, not in the office."""
    missing = sorted(m for m in argparse_msgids() if m not in ZH)
    assert not missing, "add to resources/translations/cli_zh_CN.tsv:\n" + "\n".join(map(repr, missing))
    assert "usage: " in argparse_msgids() and "the following arguments are required: %s" in argparse_msgids()


def test_every_printed_line_and_setting_description_has_chinese():
    templates = printed_templates()
    assert "Workbook written to {}" in templates and "No matches." in templates  # the scan sees them
    missing = sorted(f"{where}: {text}" for text, where in templates.items() if text not in ZH)
    missing += sorted(f"setup.py DESCRIPTIONS: {d}" for d in DESCRIPTIONS.values() if d not in ZH)
    assert not missing, "add to resources/translations/cli_zh_CN.tsv:\n" + "\n".join(missing)


def test_catalog_entries_are_chinese_and_keep_their_slots():
    for source, target in ZH.items():
        # Chinese, or left as it is on purpose (SHA-256 {0}).
        assert CJK.search(target) or re.sub(r"\{\d+\}", "{}", target) == source, f"{source!r} -> {target!r}"
        slots = len(re.findall(r"(?<!\{)\{\}(?!\})", source))
        assert {int(n) for n in re.findall(r"\{(\d+)\}", target)} <= set(range(slots)), source
        # argparse fills %-slots itself: the Chinese must keep every one of them.
        assert sorted(re.findall(r"%\(\w+\)[sdr]|%[sdr]", source)) == \
            sorted(re.findall(r"%\(\w+\)[sdr]|%[sdr]", target)), f"{source!r} -> {target!r}"


# ------------------------------------------------------------ the language rule
def test_language_rule_is_the_guis_and_needs_no_qt():
    assert choose_language("en", {"LANG": "zh_CN.UTF-8"}) == "en"          # --lang wins
    assert choose_language(None, {"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert choose_language(None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"   # POSIX order
    assert choose_language(None, {"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US"}) == "zh_CN"
    assert choose_language(None, {"LANG": "en_GB.UTF-8"}) == "en"
    from servicedesk.ui import app

    assert app.choose_language is choose_language
    assert i18n.language_from_argv(["kpi", "--lang=zh_CN"]) == "zh_CN"
    assert i18n.language_from_argv(["--lang", "fr"]) is None
    assert i18n.language_from_argv(["search", "--", "--lang", "zh_CN"]) is None


# ------------------------------------------------------------ running it
def test_help_is_chinese_argparse_words_too(cli):
    code, out, _ = cli("--lang", "zh_CN", "--help")
    assert code == 0
    assert out.startswith("用法：servicedesk")
    assert "位置参数" in out and "选项" in out and "显示此帮助信息并退出" in out
    assert "显示程序版本号并退出" in out
    assert "月度 KPI 指标及报总部的工作簿" in out          # kpi's summary
    assert "usage:" not in out and "positional arguments" not in out and "show this help" not in out
    code, out, _ = cli("--lang", "zh_CN", "kpi", "--help")
    assert code == 0 and "以 JSON 输出指标" in out and "月份 YYYY-MM" in out
    assert "print the figures as JSON" not in out


def test_every_subcommand_help_has_no_english_sentence(cli):
    """Each sub-command's --help in Chinese: no help line left in English words."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in sub.choices:
        code, out, _ = cli("--lang", "zh_CN", name, "--help")
        assert code == 0 and out.startswith("用法："), name
        for line in out.splitlines()[1:]:
            words = re.sub(r"--?[\w-]+|\{[^}]*\}|[A-Z_]{2,}|<[^>]*>|[\w.]+\.(xlsx|pdf)", "", line)
            assert not re.search(r"\b[a-z]{3,} [a-z]{3,}\b", words), f"{name}: {line!r}"


def test_usage_errors_are_chinese_and_exit_2(cli):
    code, out, err = cli("--lang", "zh_CN", "kpi")
    assert code == 2 and out == ""
    assert err.startswith("用法：servicedesk kpi")
    assert "servicedesk kpi: 错误：缺少必需的参数：month" in err
    code, _, err = cli("--lang", "zh_CN", "nosuch")
    assert code == 2 and "无效的选项：'nosuch'" in err and "可选值：" in err
    code, _, err = cli("--lang", "zh_CN", "search", "x", "--limit", "many")
    assert code == 2 and "参数 --limit：无效的 int 值：'many'" in err
    code, _, err = cli("--lang", "zh_CN", "search", "x", "--bogus")
    assert code == 2 and "无法识别的参数：--bogus" in err
    # English by default, and argparse is itself again afterwards.
    code, _, err = cli("kpi")
    assert code == 2 and "error: the following arguments are required: month" in err
    assert argparse._("usage: ") == "usage: "


def test_domain_errors_and_messages_are_chinese(cli, db_path, tmp_path):
    code, out, err = cli("--lang", "zh_CN", "kpi", "2026-13", "--db", str(db_path))
    assert code == 1 and out == "" and err.startswith("错误：") and "error" not in err
    assert messages.display_language() == "en"          # switched back after the run
    db = open_db(db_path)
    F.customer(db, name="杭州建工集团有限公司", phone="13812345678")
    db.close()
    code, out, _ = cli("--lang", "zh_CN", "search", "无此人", "--db", str(db_path))
    assert (code, out) == (0, "没有匹配的记录。\n")
    code, out, _ = cli("search", "无此人", "--db", str(db_path))
    assert (code, out) == (0, "No matches.\n")
    path = tmp_path / "t.xlsx"
    code, out, _ = cli("--lang", "zh_CN", "template", "customers", "--out", str(path))
    assert (code, out) == (0, f"导入模板已写入 {path}\n")


def test_json_output_is_the_same_in_both_languages(cli, db_path):
    db = open_db(db_path)
    F.technician(db, name="王建军")
    db.close()
    for command in (["technicians"], ["catalog"], ["settings"], ["kpi", "2026-10"]):
        _, english, _ = cli(*command, "--db", str(db_path), "--json")
        _, chinese, _ = cli("--lang", "zh_CN", *command, "--db", str(db_path), "--json")
        assert chinese == english and json.loads(english), command


def test_kpi_without_out_prints_the_figures_and_writes_no_file(cli, db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = open_db(db_path)
    db.close()
    code, out, err = cli("kpi", "2026-10", "--db", str(db_path))
    assert (code, err) == (0, "")
    # An empty month: no repairs, so every rate is 0/0 and shown as —.
    assert out.splitlines()[0] == "KPI 2026-10  售后服务部"
    assert out.splitlines()[1].split() == ["Figure", "Count", "Rate"]
    assert out.splitlines()[2].split() == ["On-time", "repair", "rate", "0/0", "—"]
    assert not list(tmp_path.rglob("*.xlsx"))       # no workbook
    code, out, _ = cli("--lang", "zh_CN", "kpi", "2026-10", "--db", str(db_path))
    lines = out.splitlines()
    assert lines[1].split() == ["指标", "数量", "比率"] and lines[2].split() == ["维修及时率", "0/0", "—"]
    # The columns line up in a terminal: 维修及时率 is 10 columns wide, like 配件库存准确率 is 14.
    assert [i18n.display_width(line.split("  ")[0]) for line in lines[2:6]] == [10, 10, 10, 14]
    assert len({line.index("0/0") + len(CJK.findall(line[:line.index("0/0")])) for line in lines[2:6]}) == 1
    assert not list(tmp_path.rglob("*.xlsx"))


def test_chinese_locale_without_lang_in_a_real_process(tmp_path):
    """LANG=zh_CN.UTF-8 and no --lang: Chinese, as a clerk's terminal would show it."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG="zh_CN.UTF-8", PYTHONPATH=str(SRC), PYTHONIOENCODING="utf-8")
    db = tmp_path / "办公 数据.sqlite3"
    done = subprocess.run([sys.executable, "-m", "servicedesk", "init", "--db", str(db), "--office", "杭州服务部",
                           "--dept", "hz", "--clerk", "林芳"], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"数据文件已创建：{db}"
    done = subprocess.run([sys.executable, "-m", "servicedesk", "settings", "--db", str(db), "office.department_code",
                           "hz1"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == "错误：部门代码须为 1–4 个大写字母（如 YX）。\n"
    done = subprocess.run([sys.executable, "-m", "servicedesk", "catalog", "--db", str(db)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.split("\n")[0].split() == ["代码", "名称", "单位", "工时", "每增一个",
                                                                          "状态"]
    done = subprocess.run([sys.executable, "-m", "servicedesk", "--help"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("用法：") and "选项" in done.stdout


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_unknown_technician_or_code_lists_the_valid_ones(cli, db_path, lang):
    db = open_db(db_path)
    F.technician(db, name="王建军")
    F.technician(db, name="李志强")
    F.technician(db, name="赵停用", active=0)         # inactive: not offered
    F.ticket(db, customer_id=F.customer(db), no="YX2610001", status="dispatched")
    db.close()
    code, _, err = cli("--lang", lang, "ticket", "dispatch", "YX2610001", "--tech", "王建军、张三",
                       "--db", str(db_path))
    # The register in its order (by name: 李 U+674E before 王 U+738B).
    expected = {"zh_CN": "错误：维修人员名册中没有 张三；名册中有：李志强、王建军。\n",
                "en": "error: Unknown technician(s) 张三; the register has: 李志强、王建军.\n"}
    assert (code, err) == (1, expected[lang])
    code, _, err = cli("--lang", lang, "ticket", "visit", "YX2610001", "--work", "WELD*1; NOPE*2",
                       "--db", str(db_path))
    assert code == 1 and "NOPE" in err and "GUIDE_TC, INSPECTION, INSTALL_HOIST" in err and "WELD, WELD_SITE" in err
    assert ("工时标准中没有代码 NOPE" in err) if lang == "zh_CN" else ("Unknown work code(s) NOPE;" in err)


def test_a_windowed_program_without_streams_keeps_them_none(monkeypatch):
    """pythonw / the windowed .exe have sys.stdout None: print() must stay a no-op, not crash."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with i18n.cli_language("zh_CN"):
        assert sys.stdout is None and sys.stderr is None
        print("No matches.")
        assert argparse._("usage: ") == "用法："
    assert argparse._("usage: ") == "usage: " and messages.display_language() == "en"
