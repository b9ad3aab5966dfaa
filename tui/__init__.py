"""evenhand's Textual app: the original beside the summary, every decision one key away."""
