"""Monthly KPI (月报) and the yearly dealer service fee."""
