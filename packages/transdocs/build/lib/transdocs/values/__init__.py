"""Values as pages state them, typed and normalised so that two languages can be compared."""

from transdocs.values.literal import Value, from_json, parse, same

__all__ = ["Value", "from_json", "parse", "same"]
