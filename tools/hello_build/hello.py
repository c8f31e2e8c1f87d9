"""The hello-world PySide6 window: the size baseline for the ServiceDesk build.

`hello --smoke` shows the window, processes events and exits 0 (so the
baseline is proven to run, like ServiceDesk --smoke).
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
label = QLabel("Hello, world")
label.resize(320, 120)
label.show()
if "--smoke" in sys.argv:
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
