"""Help ▸ User guide and Help ▸ About."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from servicedesk.config import guide_path
from servicedesk.ui.help.dialogs import AboutDialog, UserGuideDialog


def test_guide_is_shipped_in_chinese_and_english():
    zh = guide_path("zh_CN").read_text(encoding="utf-8")
    for step in ("受理报修", "派工", "到场", "审核", "客户签字", "结案", "回访", "月报", "绩效工资"):
        assert step in zh
    assert "Dispatch" in guide_path("en").read_text(encoding="utf-8")
    assert guide_path("xx") == guide_path("zh_CN")


def test_user_guide_dialog_shows_the_guide(qtbot):
    dialog = UserGuideDialog(language="zh_CN")
    qtbot.addWidget(dialog)
    assert "受理报修" in dialog.browser.toPlainText()


def test_about_names_the_data_file_and_its_folders(qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("servicedesk.ui.help.dialogs.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    db_path = tmp_path / "office.sqlite3"
    dialog = AboutDialog(db_path, backup_dir=tmp_path / "bk")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "about_data_file").text() == str(db_path)
    assert dialog.findChild(QLabel, "about_backups_folder").text() == str(tmp_path / "bk")
    dialog.open_buttons["backups"].click()
    assert opened == [str(tmp_path / "bk")] and (tmp_path / "bk").is_dir()


def test_help_menu_has_the_guide_with_its_shortcut(qtbot, ctx):
    from servicedesk.ui.main_window import MainWindow

    main_window = MainWindow(ctx)
    qtbot.addWidget(main_window)
    menus = {a.text(): a.menu() for a in main_window.menuBar().actions()}
    help_menu = next(m for t, m in menus.items() if "Help" in t or "帮助" in t)
    texts = [a.text() for a in help_menu.actions()]
    assert any("guide" in t or "使用说明" in t for t in texts)
    guide = next(a for a in help_menu.actions() if "guide" in a.text() or "使用说明" in a.text())
    assert not guide.shortcut().isEmpty()
