"""Dialogs shared by the tabs (customer, equipment, …).

Each dialog validates through the model layer's functions and shows every
problem beside its field before anything is saved.
"""
