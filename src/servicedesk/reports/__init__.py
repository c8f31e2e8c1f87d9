"""Files for people: PDF (ReportLab) and xlsx (openpyxl). No SQL here."""
