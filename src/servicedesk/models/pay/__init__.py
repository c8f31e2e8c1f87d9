"""Technician pay (绩效工资): work-hour catalog, pay month, dealer billing."""
