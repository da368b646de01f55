"""The career plan: milestones, their edits, the ready template and salary links."""
