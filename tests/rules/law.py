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
#: 民法典第二百七十八条 item -> the preset the law puts it under, typed from the article:
#: "决定前款第六项至第八项规定的事项，应当经参与表决专有部分面积四分之三以上的业主且参与表决
#: 人数四分之三以上的业主同意。决定前款其他事项，应当经参与表决专有部分面积过半数的业主且
#: 参与表决人数过半数的业主同意。" Item 五 is 使用维修资金, item 六 筹集维修资金.
ITEM_LAW = {1: "civil_code_278_ordinary", 2: "civil_code_278_ordinary",
            3: "civil_code_278_ordinary", 4: "civil_code_278_ordinary",
            5: "civil_code_278_ordinary", 6: "civil_code_278_special",
            7: "civil_code_278_special", 8: "civil_code_278_special",
            9: "civil_code_278_ordinary"}
