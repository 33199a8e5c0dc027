"""A plan's comment and a spare resource's comment share one comment body (app.schemas):
the same limit and the same Chinese messages; the plan's adds the quoted passage (optional)."""
import pytest
from marshmallow import ValidationError

from app.comanage.api import ResourceCommentInSchema
from app.plans.api import CommentInSchema


@pytest.mark.parametrize("schema, extra", [(CommentInSchema(), {"quote": "屋面防水"}),
                                           (ResourceCommentInSchema(), {})])
def test_one_comment_body_for_plans_and_spare_resources(schema, extra):
    assert schema.load({"body": "长" * 2000, **extra})["body"] == "长" * 2000
    for body in ("长" * 2001, ""):
        with pytest.raises(ValidationError) as error:
            schema.load({"body": body, **extra})
        assert error.value.messages == {"body": ["请写 1 到 2000 个字"]}


def test_a_plan_comment_may_quote_a_passage_or_speak_to_the_whole_section():
    assert CommentInSchema().load({"body": "同意"})["quote"] == ""
    assert CommentInSchema().load({"body": "同意", "quote": "屋面防水"})["quote"] == "屋面防水"
    with pytest.raises(ValidationError) as error:
        CommentInSchema().load({"body": "同意", "quote": "长" * 501})
    assert list(error.value.messages) == ["quote"]
