"""Follow-ups (回访/巡检): schedules, calls, inspections."""
