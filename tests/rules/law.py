"""The thresholds of the shipped presets, typed from 民法典第二百七十八条 (see
test_presets_civil_code.py): what the tests hold the YAML and the engine to."""
from fractions import Fraction

TWO_THIRDS, THREE_QUARTERS, HALF = Fraction(2, 3), Fraction(3, 4), Fraction(1, 2)
AT_LEAST, MORE_THAN = ">=", ">"

#: preset -> {stage: {measure: (comparison, bound)}}; a measure left out is not checked
LAW = {
    "civil_code_278_special": {
        "participation": {"owners": (AT_LEAST, TWO_THIRDS), "area": (AT_LEAST, TWO_THIRDS)},
        "approval": {"owners": (AT_LEAST, THREE_QUARTERS), "area": (AT_LEAST, THREE_QUARTERS)},
    },
    "civil_code_278_ordinary": {
        "participation": {"owners": (AT_LEAST, TWO_THIRDS), "area": (AT_LEAST, TWO_THIRDS)},
        "approval": {"owners": (MORE_THAN, HALF), "area": (MORE_THAN, HALF)},
    },
    # not the Civil Code: a plain majority of those taking part, by head
    "simple_majority": {"participation": {}, "approval": {"owners": (MORE_THAN, HALF)}},
    "none": None,  # decides nothing
}

# The same two rules with a preliminary result for objections (询异公示) first: the law's
# thresholds do not change, only when the final 公示 may happen.
LAW["civil_code_278_special_objections"] = LAW["civil_code_278_special"]
LAW["civil_code_278_ordinary_objections"] = LAW["civil_code_278_ordinary"]
