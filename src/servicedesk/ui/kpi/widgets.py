"""The figure card and the trend chart, shared by the KPI tab and the dashboard.

The dashboard is the first page the clerk sees, so this module is on the
start-up path (issue 15): it imports neither the KPI model nor QtCharts. The
chart (QtCharts: about 25 ms to import and build) is made when the first
months arrive, which is after the window is shown; until then its place
is held at the chart's size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from servicedesk.models.kpi.rates import DASH

if TYPE_CHECKING:
    from servicedesk.models.kpi.figures import MonthKpi
    from servicedesk.models.kpi.rates import Rate


class FigureCard(QFrame):
    """One figure: its name, the rate in large type, and numerator / denominator."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setObjectName("figure_card")
        self.setStyleSheet("#figure_card { background: #FAFAFA; border: 1px solid #D0D0D0; border-radius: 4px; }")
        self.setCursor(Qt.PointingHandCursor)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(2)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #4A4A4A;")
        self.value = QLabel(DASH)
        self.value.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #6B6B6B;")
        for w in (self.title, self.value, self.detail):
            lay.addWidget(w)
        self.setMinimumWidth(150)

    def set_rate(self, rate: Rate, detail: str) -> None:
        self.value.setText(rate.text)
        self.detail.setText(detail)
        self.setToolTip(detail)

    def set_text(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


SERIES_COLORS = ("#1F77B4", "#D62728", "#2CA02C", "#9467BD")


class TrendChart(QWidget):
    """The four rates over the last months (QtCharts); a missing rate is a gap.

    `view` is the QChartView, None until the first set_months.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.view = None
        self.setMinimumHeight(220)

    def _chart(self):
        """The chart, made on first use."""
        if self.view is None:
            from PySide6.QtCharts import QChart, QChartView

            chart = QChart()
            chart.legend().setAlignment(Qt.AlignBottom)
            chart.setMargins(QMargins(4, 4, 4, 4))
            chart.setBackgroundRoundness(0)
            self.view = QChartView(chart, self)
            self.view.setRenderHint(QPainter.Antialiasing)
            self._layout.addWidget(self.view)
        return self.view.chart()

    def set_months(self, months: list[MonthKpi]) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QLineSeries, QValueAxis

        chart = self._chart()
        chart.removeAllSeries()
        for axis in list(chart.axes()):
            chart.removeAxis(axis)
        labels = [m.month[2:] for m in months]
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        y_axis = QValueAxis()
        values = [r.percent for m in months for r in m.rates if r.percent is not None]
        low = min(values) if values else 0
        y_axis.setRange(max(0, (int(low) // 10) * 10 - 10) if values else 0, 100)
        y_axis.setLabelFormat("%d%%")
        y_axis.setTickCount(6)
        chart.addAxis(x_axis, Qt.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignLeft)
        names = (self.tr("On-time rate"), self.tr("Success rate"), self.tr("Customer satisfaction"),
                 self.tr("Stock accuracy"))
        for i, name in enumerate(names):
            segments: list[QLineSeries] = []
            current: QLineSeries | None = None
            for x, m in enumerate(months):
                pct = m.rates[i].percent
                if pct is None:
                    current = None
                    continue
                if current is None:
                    current = QLineSeries()
                    segments.append(current)
                current.append(float(x), pct)
            for n, series in enumerate(segments):
                series.setName(name)
                pen = QPen(QColor(SERIES_COLORS[i]))
                pen.setWidth(2)
                series.setPen(pen)
                series.setPointsVisible(True)
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
                if n:
                    for marker in chart.legend().markers(series):
                        marker.setVisible(False)
