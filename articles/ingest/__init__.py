"""The ingestion pipeline: readers turn inputs into articles, linking finds the companies and people
they name, proposing finds the partnerships they report."""
