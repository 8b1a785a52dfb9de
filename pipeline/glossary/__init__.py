"""The medical glossary stage: terms and their matching (terms), CSV and TBX files (csvfile,
tbx), loading and validation (load), coverage of the source (coverage), and a content
project's glossary (project)."""

from pipeline.glossary.load import glossary_files, load_glossary, read_glossary
from pipeline.glossary.terms import Glossary, Match, TermProblem, build_glossary, empty_glossary

__all__ = ["Glossary", "Match", "TermProblem", "build_glossary", "empty_glossary",
           "glossary_files", "load_glossary", "read_glossary"]
