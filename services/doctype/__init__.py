"""What kind of business document a result is: invoice, reminder, contract... (issue 18)."""
