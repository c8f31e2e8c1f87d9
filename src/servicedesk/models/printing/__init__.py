"""What printed forms need from the data (form data, print log with 补打 marks)."""
