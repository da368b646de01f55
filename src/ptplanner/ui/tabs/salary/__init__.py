"""The Salary tab: profile inputs, headline figures, the projection graph and tables."""
