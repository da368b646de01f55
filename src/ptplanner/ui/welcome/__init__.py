"""The welcome page: a first launch's few questions and the choice of plan (File > New plan...)."""
