"""Every action is in the menus with its shortcut shown, and the key shown works (issue 13).

The 操作 menu follows the current tab; each entry that names a key must be
bound to that key on the tab (a QShortcut or QAction of the page), or the
menu would promise a key that does nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut

from servicedesk.ui.main_window import TAB_KEYS, MainWindow


def _bound_keys(page) -> set[str]:
    keys = {s.key().toString() for s in page.findChildren(QShortcut)}
    keys |= {a.shortcut().toString() for a in page.findChildren(QAction) if not a.shortcut().isEmpty()}
    return keys


def test_every_shortcut_the_actions_menu_shows_is_bound_on_its_tab(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    promised = 0
    for index, key in enumerate(TAB_KEYS):
        window.tabs.setCurrentIndex(index)
        page = window.pages[key]
        entries = window.page_actions(key)
        assert entries, key
        window.page_menu.aboutToShow.emit()       # filled for the current tab as it opens
        shown = [a.text() for a in window.page_menu.actions()]
        for text, keys, slot in entries:
            assert slot is not None, (key, text)           # every entry does something on this tab
            if keys:
                promised += 1
                native = QKeySequence(keys).toString(QKeySequence.NativeText)
                assert f"{text}\t{native}" in shown, (key, text)
                assert QKeySequence(keys).toString() in _bound_keys(page), (key, text, keys)
    assert promised >= 10


def test_the_window_menus_show_their_keys(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    actions = {a.shortcut().toString(): a for menu in window.menuBar().findChildren(type(window.page_menu))
               for a in menu.actions() if not a.shortcut().isEmpty()}
    assert {"Ctrl+Q", "F5", "F1"} <= set(actions)
    assert {f"Ctrl+{i + 1}" for i in range(len(TAB_KEYS))} <= set(actions)
