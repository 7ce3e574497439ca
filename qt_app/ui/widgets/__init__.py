"""Small shared widgets for the analysis panels: chart, status badges, money text (formatting only)."""
