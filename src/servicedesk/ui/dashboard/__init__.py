"""The dashboard (工作台) tab."""
