"""The monthly KPI (月报) tab."""
